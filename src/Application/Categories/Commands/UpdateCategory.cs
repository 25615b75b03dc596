using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Domain.Categories;
using Mediator;

namespace LectureHub.Application.Categories.Commands;

public sealed record UpdateCategoryCommand(Guid Id, string LabelKo, string LabelEn, string Icon, int SortOrder) : ICommand<CategoryDto>;

internal sealed class UpdateCategoryValidator : AbstractValidator<UpdateCategoryCommand>
{
    public UpdateCategoryValidator() => this.ValidLabels(c => c.LabelKo, c => c.LabelEn, c => c.Icon, c => c.SortOrder);
}

internal sealed class UpdateCategoryHandler(IRepository<Category> categories) : ICommandHandler<UpdateCategoryCommand, CategoryDto>
{
    public async ValueTask<CategoryDto> Handle(UpdateCategoryCommand command, CancellationToken cancellationToken)
    {
        var category = await categories.GetAsync(command.Id, cancellationToken);
        category.Update(command.LabelKo, command.LabelEn, command.Icon, command.SortOrder);
        return CategoryDto.From(category);
    }
}
