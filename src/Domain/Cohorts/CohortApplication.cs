using LectureHub.Domain.Common;

namespace LectureHub.Domain.Cohorts;

/// <summary>
/// A status change, for notifications. <see cref="Promoted"/>: approved from the waitlist; <see cref="CohortCancelled"/>:
/// cancelled because the owner called the cohort off; <see cref="PaymentDueAt"/>: approved in a paid cohort, with the fee's deadline.
/// </summary>
public sealed record CohortApplicationChanged(
    Guid ApplicationId, Guid CohortId, Guid StudentId, ApplicationStatus Status, bool Promoted, bool CohortCancelled = false, DateTimeOffset? PaymentDueAt = null)
    : IDomainEvent;

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

    /// <summary>In a paid cohort, an approved applicant's deadline for the fee; past it unpaid, the seat goes to the waitlist.</summary>
    public DateTimeOffset? PaymentDueAt { get; private set; }

    /// <summary>The order for the fee: the latest one placed, and the one that paid once <see cref="PaidAt"/> is set.</summary>
    public Guid? OrderId { get; private set; }

    public DateTimeOffset? PaidAt { get; private set; }

    /// <summary>Holds a seat whose fee is not paid yet.</summary>
    public bool AwaitsPayment => Status == ApplicationStatus.Approved && PaymentDueAt is not null && PaidAt is null;

    /// <summary>
    /// A checked application with the outcome of the seat claim: Approved (a seat; with the fee's deadline in a paid
    /// cohort), Waitlisted (with its number), or Applied (REVIEW cohorts claim a seat when approved).
    /// </summary>
    public static CohortApplication Submit(
        Cohort cohort, Guid studentId, IReadOnlyList<FormAnswer> answers, IReadOnlyList<AcceptedTerm> accepted, ApplicationStatus outcome, long? waitlistNumber,
        DateTimeOffset now, DateTimeOffset? paymentDueAt = null)
    {
        if (outcome is not (ApplicationStatus.Applied or ApplicationStatus.Approved or ApplicationStatus.Waitlisted) || (outcome == ApplicationStatus.Waitlisted) != waitlistNumber.HasValue)
        {
            throw new ArgumentException($"A new application cannot start as {outcome}.", nameof(outcome));
        }

        var application = new CohortApplication
        {
            CohortId = cohort.Id, StudentId = studentId, Status = outcome, WaitlistNumber = waitlistNumber, Form = cohort.Form,
            Answers = answers, AcceptedTerms = accepted, AppliedAt = now, DecidedAt = outcome == ApplicationStatus.Applied ? null : now,
            PaymentDueAt = outcome == ApplicationStatus.Approved ? paymentDueAt : null,
        };
        application.Changed(promoted: false);
        return application;
    }

    public bool IsActive => Status is ApplicationStatus.Applied or ApplicationStatus.Approved or ApplicationStatus.Waitlisted;

    /// <summary>The owner approves a reviewed application; the caller has claimed its seat.</summary>
    public void Approve(DateTimeOffset now, DateTimeOffset? paymentDueAt)
    {
        Require(ApplicationStatus.Applied, "approved");
        (Status, DecidedAt, PaymentDueAt) = (ApplicationStatus.Approved, now, paymentDueAt);
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
    public void Promote(DateTimeOffset now, DateTimeOffset? paymentDueAt)
    {
        Require(ApplicationStatus.Waitlisted, "promoted");
        (Status, DecidedAt, PaymentDueAt) = (ApplicationStatus.Approved, now, paymentDueAt);
        Changed(promoted: true);
    }

    /// <summary>The student withdraws before the class starts. Returns the status left, so the caller frees what it held.</summary>
    public ApplicationStatus Cancel(DateTimeOffset classStartsAt, DateTimeOffset now)
    {
        EnsureActive();
        if (PaidAt is not null)
        {
            throw new DomainException("APPLICATION_PAID", "The fee is paid: ask for a refund instead (POST …/applications/{id}/refund), which gives up the seat.");
        }

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

    /// <summary>An order for the fee was placed: it is the one whose payment counts.</summary>
    public void AttachOrder(Guid orderId, DateTimeOffset now)
    {
        EnsurePayable();
        if (now >= PaymentDueAt)
        {
            throw new DomainException("PAYMENT_WINDOW_CLOSED", $"The fee was due by {PaymentDueAt:yyyy-MM-dd HH:mm} (UTC); the seat is being offered to the waitlist.");
        }

        OrderId = orderId;
    }

    /// <summary>The fee's order was paid: the seat is the applicant's for good. Late is fine if the order was placed in time.</summary>
    public void MarkPaid(Guid orderId, DateTimeOffset now)
    {
        EnsurePayable();
        if (OrderId != orderId)
        {
            throw new DomainException("APPLICATION_NOT_PAYABLE", $"Order {orderId} is not this application's current order.");
        }

        PaidAt = now;
    }

    /// <summary>The deadline passed unpaid (and no payment is in flight): the caller hands the seat to the waitlist.</summary>
    public void ExpireUnpaid(DateTimeOffset now)
    {
        EnsurePayable();
        if (now < PaymentDueAt)
        {
            throw new DomainException("PAYMENT_NOT_DUE", $"The fee is due by {PaymentDueAt:O}.");
        }

        Status = ApplicationStatus.Expired;
        Changed(promoted: false);
    }

    /// <summary>The paid fee was refunded: the seat is given up (the caller hands it over).</summary>
    public void EndAfterRefund(DateTimeOffset now)
    {
        if (Status != ApplicationStatus.Approved || PaidAt is null)
        {
            throw new DomainException("APPLICATION_STATE_INVALID", $"Only a paid, approved application ends with its refund; this one is {Status.ToString().ToLowerInvariant()}.");
        }

        (Status, CancelledAt) = (ApplicationStatus.Cancelled, now);
        Changed(promoted: false);
    }

    private void EnsurePayable()
    {
        if (!AwaitsPayment)
        {
            throw new DomainException("APPLICATION_NOT_PAYABLE", PaidAt is not null
                ? "The fee is paid already."
                : $"Only an approved application with a fee due can be paid; this one is {Status.ToString().ToLowerInvariant()}.");
        }
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

    private void Changed(bool promoted) =>
        Raise(new CohortApplicationChanged(Id, CohortId, StudentId, Status, promoted, PaymentDueAt: Status == ApplicationStatus.Approved ? PaymentDueAt : null));
}
