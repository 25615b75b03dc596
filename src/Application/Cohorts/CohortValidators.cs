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
