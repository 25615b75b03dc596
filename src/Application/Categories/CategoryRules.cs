using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Domain.Categories;

namespace LectureHub.Application.Categories;

internal static class CategoryRules
{
    /// <summary>The fields every category write carries.</summary>
    public static void ValidLabels<T>(this AbstractValidator<T> validator, Func<T, string> ko, Func<T, string> en, Func<T, string> icon, Func<T, int> sortOrder)
    {
        validator.RuleFor(c => ko(c)).NotEmpty().MaximumLength(Category.MaxLabelLength).OverridePropertyName("labelKo");
        validator.RuleFor(c => en(c)).NotEmpty().MaximumLength(Category.MaxLabelLength).OverridePropertyName("labelEn");
        validator.RuleFor(c => icon(c)).NotEmpty().MaximumLength(Category.MaxIconLength).OverridePropertyName("icon");
        validator.RuleFor(c => sortOrder(c)).InclusiveBetween(0, 10_000).OverridePropertyName("sortOrder");
    }

    public static async Task<Category> GetAsync(this IRepository<Category> categories, Guid id, CancellationToken ct) =>
        await categories.GetByIdAsync(id, ct) ?? throw new NotFoundException("CATEGORY_NOT_FOUND", $"Category {id} does not exist.");
}
