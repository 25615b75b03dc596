using LectureHub.Application.Abstractions;
using LectureHub.Domain.Categories;
using Mediator;

namespace LectureHub.Application.Categories.Commands;

public sealed record DeleteCategoryCommand(Guid Id) : ICommand;

internal sealed class DeleteCategoryHandler(IRepository<Category> categories) : ICommandHandler<DeleteCategoryCommand>
{
    public async ValueTask<Unit> Handle(DeleteCategoryCommand command, CancellationToken cancellationToken)
    {
        var category = await categories.GetAsync(command.Id, cancellationToken);
        category.MarkDeleted();
        categories.Delete(category);
        return Unit.Value;
    }
}
