using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Domain.Categories;
using Mediator;

namespace LectureHub.Application.Categories.Commands;

public sealed record CreateCategoryCommand(string Slug, string LabelKo, string LabelEn, string Icon, int SortOrder) : ICommand<CategoryDto>;

internal sealed class CreateCategoryValidator : AbstractValidator<CreateCategoryCommand>
{
    public CreateCategoryValidator()
    {
        RuleFor(c => c.Slug).NotEmpty().MaximumLength(Category.MaxSlugLength)
            .Must(Category.IsValidSlug).WithMessage("'Slug' must be lower-case letters, digits and single dashes.");
        this.ValidLabels(c => c.LabelKo, c => c.LabelEn, c => c.Icon, c => c.SortOrder);
    }
}

internal sealed class CreateCategoryHandler(IRepository<Category> categories) : ICommandHandler<CreateCategoryCommand, CategoryDto>
{
    public async ValueTask<CategoryDto> Handle(CreateCategoryCommand command, CancellationToken cancellationToken)
    {
        if (await categories.AnyAsync(new CategoryBySlugSpec(command.Slug), cancellationToken))
        {
            throw new ConflictException("CATEGORY_SLUG_TAKEN", $"A category with slug '{command.Slug}' already exists.");
        }

        var category = Category.Create(command.Slug, command.LabelKo, command.LabelEn, command.Icon, command.SortOrder);
        await categories.AddAsync(category, cancellationToken);
        return CategoryDto.From(category);
    }
}
