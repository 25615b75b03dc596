using FluentValidation;
using LectureHub.Domain.Cohorts;

namespace LectureHub.Application.Cohorts;

/// <summary>The shape of one question; the form's own rules (unique keys, options per kind) are the domain's.</summary>
internal sealed class FormQuestionValidator : AbstractValidator<FormQuestion>
{
    public FormQuestionValidator()
    {
        RuleFor(q => q.Key).NotEmpty().MaximumLength(FormQuestion.MaxKeyLength).Matches("^[a-z0-9_-]+$")
            .WithMessage("A question key is lower-case letters, digits, '_' or '-'.");
        RuleFor(q => q.Label).NotEmpty().MaximumLength(FormQuestion.MaxLabelLength);
        RuleFor(q => q.Kind).IsInEnum();
        RuleFor(q => q.Options).NotNull();
        RuleFor(q => q.Options.Count).LessThanOrEqualTo(FormQuestion.MaxOptions).When(q => q.Options is not null);
        RuleForEach(q => q.Options).NotEmpty().MaximumLength(FormQuestion.MaxOptionLength);
    }
}

internal sealed class CohortTermValidator : AbstractValidator<CohortTerm>
{
    public CohortTermValidator()
    {
        RuleFor(t => t.Code).NotEmpty().MaximumLength(CohortTerm.MaxCodeLength).Matches("^[a-z0-9_-]+$")
            .WithMessage("A term code is lower-case letters, digits, '_' or '-'.");
        RuleFor(t => t.Title).NotEmpty().MaximumLength(CohortTerm.MaxTitleLength);
        RuleFor(t => t.Body).NotEmpty().MaximumLength(CohortTerm.MaxBodyLength);
    }
}

/// <summary>What the owner sets on a cohort, shared by opening one and changing it.</summary>
public interface ICohortFields
{
    string Title { get; }

    string? Description { get; }

    Guid? CourseId { get; }

    int Capacity { get; }

    int WaitlistCapacity { get; }

    SelectionType Selection { get; }

    DateTimeOffset RecruitStartsAt { get; }

    DateTimeOffset RecruitEndsAt { get; }

    DateTimeOffset ClassStartsAt { get; }

    DateTimeOffset ClassEndsAt { get; }

    string? Location { get; }

    bool IsOnline { get; }

    long FeeKrw { get; }

    CohortVisibility Visibility { get; }

    Guid? CategoryId { get; }

    string? Region { get; }

    IReadOnlyList<FormQuestion>? Questions { get; }

    IReadOnlyList<CohortTerm>? Terms { get; }
}

internal static class CohortFields
{
    /// <summary>The details, with the trade defaulting to the linked course's.</summary>
    public static CohortDetails ToDetails(this ICohortFields f, Guid? courseCategoryId) => new(
        f.Title, f.Description ?? "", f.CourseId, f.Capacity, f.WaitlistCapacity, f.Selection, f.RecruitStartsAt, f.RecruitEndsAt,
        f.ClassStartsAt, f.ClassEndsAt, f.Location, f.IsOnline, f.FeeKrw, f.Visibility, f.CategoryId ?? courseCategoryId, f.Region);
}

internal sealed class CohortFieldsValidator : AbstractValidator<ICohortFields>
{
    public CohortFieldsValidator()
    {
        RuleFor(c => c.Title).NotEmpty().MaximumLength(Cohort.MaxTitleLength);
        RuleFor(c => c.Description).MaximumLength(Cohort.MaxDescriptionLength);
        RuleFor(c => c.Location).MaximumLength(Cohort.MaxLocationLength);
        RuleFor(c => c.Selection).IsInEnum();
        RuleFor(c => c.Visibility).IsInEnum();
        RuleFor(c => c.Region).Must(r => r is null || Regions.IsKnown(r)).WithMessage($"A region is one of: {string.Join(", ", Regions.All)}.");
        RuleFor(c => c.Questions).Must(q => q is null || q.Count <= CohortForm.MaxQuestions).WithMessage($"At most {CohortForm.MaxQuestions} questions.");
        RuleForEach(c => c.Questions).SetValidator(new FormQuestionValidator());
        RuleFor(c => c.Terms).Must(t => t is null || t.Count <= CohortTerm.MaxTerms).WithMessage($"At most {CohortTerm.MaxTerms} terms.");
        RuleForEach(c => c.Terms).SetValidator(new CohortTermValidator());
    }
}
