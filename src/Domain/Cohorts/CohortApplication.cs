using LectureHub.Domain.Common;

namespace LectureHub.Domain.Cohorts;

/// <summary>
/// A status change, for notifications. <see cref="Promoted"/>: approved from the waitlist; <see cref="CohortCancelled"/>:
/// cancelled because the owner called the cohort off.
/// </summary>
public sealed record CohortApplicationChanged(Guid ApplicationId, Guid CohortId, Guid StudentId, ApplicationStatus Status, bool Promoted, bool CohortCancelled = false) : IDomainEvent;

/// <summary>
/// One student's application to one cohort (unique per pair). It keeps the form version it answered, with the
/// questions as they were, and the versions of the terms accepted. Seats are claimed and released through the seat
/// counter in the same transaction as each change here.
/// </summary>
public sealed class CohortApplication : Entity
{
    public const int MaxReasonLength = 1_000;

    private CohortApplication()
    {
    }

    public Guid CohortId { get; private set; }

    public Guid StudentId { get; private set; }

    public ApplicationStatus Status { get; private set; }

    /// <summary>Place in the waitlist's arrival order (lower is earlier); kept after promotion for the record.</summary>
    public long? WaitlistNumber { get; private set; }

    public CohortForm Form { get; private set; } = CohortForm.First([]);

    public IReadOnlyList<FormAnswer> Answers { get; private set; } = [];

    public IReadOnlyList<AcceptedTerm> AcceptedTerms { get; private set; } = [];

    public string? RejectionReason { get; private set; }

    public DateTimeOffset AppliedAt { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    /// <summary>
    /// A checked application with the outcome of the seat claim: Approved (a seat), Waitlisted (with its number), or
    /// Applied (REVIEW cohorts claim a seat when approved).
    /// </summary>
    public static CohortApplication Submit(
        Cohort cohort, Guid studentId, IReadOnlyList<FormAnswer> answers, IReadOnlyList<AcceptedTerm> accepted, ApplicationStatus outcome, long? waitlistNumber, DateTimeOffset now)
    {
        if (outcome is not (ApplicationStatus.Applied or ApplicationStatus.Approved or ApplicationStatus.Waitlisted) || (outcome == ApplicationStatus.Waitlisted) != waitlistNumber.HasValue)
        {
            throw new ArgumentException($"A new application cannot start as {outcome}.", nameof(outcome));
        }

        var application = new CohortApplication
        {
            CohortId = cohort.Id, StudentId = studentId, Status = outcome, WaitlistNumber = waitlistNumber, Form = cohort.Form,
            Answers = answers, AcceptedTerms = accepted, AppliedAt = now, DecidedAt = outcome == ApplicationStatus.Applied ? null : now,
        };
        application.Changed(promoted: false);
        return application;
    }

    public bool IsActive => Status is ApplicationStatus.Applied or ApplicationStatus.Approved or ApplicationStatus.Waitlisted;

    /// <summary>The owner approves a reviewed application; the caller has claimed its seat.</summary>
    public void Approve(DateTimeOffset now)
    {
        Require(ApplicationStatus.Applied, "approved");
        Status = ApplicationStatus.Approved;
        DecidedAt = now;
        Changed(promoted: false);
    }

    public void Reject(string reason, DateTimeOffset now)
    {
        Require(ApplicationStatus.Applied, "rejected");
        Status = ApplicationStatus.Rejected;
        RejectionReason = reason.Trim();
        DecidedAt = now;
        Changed(promoted: false);
    }

    /// <summary>Waitlisted → Approved, when a seat frees up; the caller has moved the seat.</summary>
    public void Promote(DateTimeOffset now)
    {
        Require(ApplicationStatus.Waitlisted, "promoted");
        Status = ApplicationStatus.Approved;
        DecidedAt = now;
        Changed(promoted: true);
    }

    /// <summary>The student withdraws before the class starts. Returns the status left, so the caller frees what it held.</summary>
    public ApplicationStatus Cancel(DateTimeOffset classStartsAt, DateTimeOffset now)
    {
        EnsureActive();
        if (now >= classStartsAt)
        {
            throw new DomainException("CLASS_ALREADY_STARTED", "The class has started; applications can no longer be cancelled.");
        }

        var left = Status;
        Status = ApplicationStatus.Cancelled;
        CancelledAt = now;
        Changed(promoted: false);
        return left;
    }

    /// <summary>The owner cancelled the cohort: an active application ends with it (the caller frees the places).</summary>
    public void CancelWithCohort(DateTimeOffset now)
    {
        EnsureActive();
        (Status, CancelledAt) = (ApplicationStatus.Cancelled, now);
        Raise(new CohortApplicationChanged(Id, CohortId, StudentId, Status, Promoted: false, CohortCancelled: true));
    }

    private void EnsureActive()
    {
        if (!IsActive)
        {
            throw new DomainException("APPLICATION_NOT_ACTIVE", $"The application is already {Status.ToString().ToLowerInvariant()}.");
        }
    }

    private void Require(ApplicationStatus expected, string verb)
    {
        if (Status != expected)
        {
            throw new DomainException("APPLICATION_STATE_INVALID", $"Only an application that is {expected.ToString().ToLowerInvariant()} can be {verb}; this one is {Status.ToString().ToLowerInvariant()}.");
        }
    }

    private void Changed(bool promoted) => Raise(new CohortApplicationChanged(Id, CohortId, StudentId, Status, promoted));
}
