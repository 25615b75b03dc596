using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Domain.Cohorts;
using Mediator;

namespace LectureHub.Application.Cohorts.Commands;

/// <summary>
/// A student applies: answers checked against the current form, current terms accepted, then a seat is claimed in
/// the same transaction as the application row (FIRST_COME), or the application waits for review (REVIEW).
/// </summary>
public sealed record ApplyToCohortCommand(Guid CohortId, IReadOnlyList<FormAnswer>? Answers, IReadOnlyList<AcceptedTerm>? AcceptedTerms)
    : ICommand<ApplicationDto>;

internal sealed class ApplyToCohortValidator : AbstractValidator<ApplyToCohortCommand>
{
    public ApplyToCohortValidator()
    {
        RuleFor(c => c.Answers!.Count).LessThanOrEqualTo(CohortForm.MaxQuestions).OverridePropertyName("Answers").When(c => c.Answers is not null);
        RuleForEach(c => c.Answers).ChildRules(answer =>
        {
            answer.RuleFor(a => a.Key).NotEmpty().MaximumLength(FormQuestion.MaxKeyLength);
            answer.RuleFor(a => a.Values).NotNull();
            answer.RuleFor(a => a.Values.Count).LessThanOrEqualTo(FormQuestion.MaxOptions).When(a => a.Values is not null);
            answer.RuleForEach(a => a.Values).NotNull().MaximumLength(FormQuestion.MaxTextAnswerLength);
        });
        RuleFor(c => c.AcceptedTerms!.Count).LessThanOrEqualTo(CohortTerm.MaxTerms).OverridePropertyName("AcceptedTerms").When(c => c.AcceptedTerms is not null);
        RuleForEach(c => c.AcceptedTerms).ChildRules(term => term.RuleFor(t => t.Code).NotEmpty().MaximumLength(CohortTerm.MaxCodeLength));
    }
}

internal sealed class ApplyToCohortHandler(
    IRepository<Cohort> cohorts, IRepository<CohortApplication> applications, ICohortSeats seats, CohortPayments payments, ICurrentUser currentUser,
    TimeProvider clock)
    : ICommandHandler<ApplyToCohortCommand, ApplicationDto>
{
    public async ValueTask<ApplicationDto> Handle(ApplyToCohortCommand command, CancellationToken cancellationToken)
    {
        // Shared with other applicants, so the owner's cancellation or change waits for this one (and the cohort read
        // next is as they left it).
        await seats.HoldCohortAsync(command.CohortId, exclusive: false, cancellationToken);
        var cohort = await cohorts.LoadAsync(command.CohortId, cancellationToken);
        var studentId = currentUser.RequiredUserId;
        var now = clock.GetUtcNow();
        var answers = command.Answers ?? [];
        var accepted = command.AcceptedTerms ?? [];
        cohort.CheckApplication(answers, accepted, now);

        // A second application is turned away by the unique indexes on places and applications (PostgresConflicts:
        // ALREADY_APPLIED), so the usual path does not look first; only a claim that finds nothing asks why.
        var claim = cohort.Selection == SelectionType.Review
            ? new SeatClaim(ApplicationStatus.Applied, null)
            : await seats.ClaimAsync(cohort.Id, studentId, orWaitlist: true, cancellationToken) is { } taken
                ? taken
                : await applications.AnyAsync(new StudentApplicationSpec(cohort.Id, studentId), cancellationToken)
                    ? throw new ConflictException("ALREADY_APPLIED", "You have already applied to this cohort.")
                    : throw new ConflictException("COHORT_FULL", "Every seat and waitlist place is taken.");
        var application = CohortApplication.Submit(
            cohort, studentId, answers, accepted, claim.Outcome, claim.WaitlistNumber, now, cohort.PaymentDueFor(now, payments.Window));
        await applications.AddAsync(application, cancellationToken);
        return ApplicationDto.From(application);
    }
}
