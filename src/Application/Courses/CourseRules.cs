using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Domain.Categories;
using LectureHub.Domain.Common;
using LectureHub.Domain.Courses;

namespace LectureHub.Application.Courses;

/// <summary>The descriptive course fields, shared by the create and edit commands.</summary>
public interface ICourseDetailsFields
{
    Guid CategoryId { get; }

    string Title { get; }

    string Summary { get; }

    string? Description { get; }

    CourseLevel Level { get; }

    string Language { get; }

    long PriceKrw { get; }

    IReadOnlyList<string>? Tags { get; }
}

internal abstract class CourseDetailsValidator<T> : AbstractValidator<T>
    where T : ICourseDetailsFields
{
    protected CourseDetailsValidator()
    {
        RuleFor(c => c.CategoryId).NotEmpty();
        RuleFor(c => c.Title).NotEmpty().MaximumLength(Course.MaxTitleLength);
        RuleFor(c => c.Summary).NotEmpty().MaximumLength(Course.MaxSummaryLength);
        RuleFor(c => c.Description).MaximumLength(Course.MaxDescriptionLength);
        RuleFor(c => c.Level).IsInEnum();
        RuleFor(c => c.Language).NotEmpty().Matches("^[a-z]{2}(-[A-Z]{2})?$").WithMessage("'Language' must be a language tag such as ko or en-US.");
        RuleFor(c => c.PriceKrw).InclusiveBetween(0, Course.MaxPriceKrw);
        RuleFor(c => c.Tags).Must(t => t is null || t.Count <= Course.MaxTags).WithMessage($"At most {Course.MaxTags} tags.");
        RuleForEach(c => c.Tags).NotEmpty().MaximumLength(Course.MaxTagLength);
    }
}

internal static class CourseRules
{
    public static CourseDetails ToDetails(this ICourseDetailsFields f) =>
        new(f.CategoryId, f.Title, f.Summary, f.Description ?? "", f.Level, f.Language, f.PriceKrw, f.Tags ?? []);

    public static async Task EnsureCategoryExistsAsync(this IRepository<Category> categories, Guid categoryId, CancellationToken ct)
    {
        if (await categories.GetByIdAsync(categoryId, ct) is null)
        {
            throw new DomainValidationException("CATEGORY_NOT_FOUND", $"Category {categoryId} does not exist.");
        }
    }
}
