using LectureHub.Domain.Cohorts;

namespace LectureHub.Application.Cohorts;

/// <summary>
/// The result of a seat claim: a seat (Approved) or a waitlist place with its waitlist number (an ordering ticket:
/// increasing in arrival order, not contiguous; positions are counted from it).
/// </summary>
public readonly record struct SeatClaim(ApplicationStatus Outcome, long? WaitlistNumber);

/// <summary>
/// A cohort's seats and waitlist places, one row per place (<c>cohort_slots</c>), held by at most one student each.
/// A claim takes the lowest free place that no other transaction is taking (<c>FOR UPDATE SKIP LOCKED</c>), so a
/// sign-up rush claims in parallel instead of queueing on one counter; the number of rows is the capacity, so
/// overbooking cannot happen. Everything runs in the command's transaction.
/// </summary>
public interface ICohortSeats
{
    /// <summary>Creates the cohort's seat and waitlist places, free, in the cohort's transaction.</summary>
    Task OpenAsync(Cohort cohort, CancellationToken cancellationToken);

    /// <summary>
    /// Locks the cohort until commit: shared by each application, exclusive for the owner's changes and
    /// cancellation, so no application lands in a cohort being cancelled, and none appears while the owner's change
    /// relies on there being none.
    /// </summary>
    Task HoldCohortAsync(Guid cohortId, bool exclusive, CancellationToken cancellationToken);

    /// <summary>
    /// Adds or removes places to match new capacities. Only free places are removed (the aggregate allows shrinking
    /// only before anyone applied); a held one makes this a 409.
    /// </summary>
    Task ResizeAsync(Guid cohortId, (int Seats, int Waitlist) from, (int Seats, int Waitlist) to, CancellationToken cancellationToken);

    /// <summary>Moves waitlisted applicants, longest-waiting first, into free seats; returns their applications' ids.</summary>
    Task<IReadOnlyList<Guid>> FillSeatsFromWaitlistAsync(Guid cohortId, CancellationToken cancellationToken);

    /// <summary>Frees every place of a cancelled cohort.</summary>
    Task CloseAsync(Guid cohortId, CancellationToken cancellationToken);

    /// <summary>The seat counts as this transaction sees them.</summary>
    Task<SeatsDto> CountAsync(Cohort cohort, CancellationToken cancellationToken);

    /// <summary>Locks one application's row until commit, so its status read next is current (not mid-promotion).</summary>
    Task LockApplicationAsync(Guid applicationId, CancellationToken cancellationToken);

    /// <summary>The same, for the student's application to the cohort (a fee's order names the cohort and the student).</summary>
    Task LockApplicationAsync(Guid cohortId, Guid studentId, CancellationToken cancellationToken);

    /// <summary>
    /// Locks (skipping those another transaction holds) up to <paramref name="limit"/> applications whose fee is past
    /// due and unpaid with no payment in flight (no PENDING order), and returns their ids. A payment being placed or
    /// recorded holds the row, so it and the expiry never both happen.
    /// </summary>
    Task<IReadOnlyList<Guid>> LockLapsedAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// A seat for the student if one is free; else, if allowed, a waitlist place; null when none is. A place another
    /// transaction is taking is skipped, unless only such places are left: then the claim waits for them, and gets one
    /// only if that transaction rolls back, so nobody is turned away while a seat is still to be had.
    /// </summary>
    Task<SeatClaim?> ClaimAsync(Guid cohortId, Guid studentId, bool orWaitlist, CancellationToken cancellationToken);

    /// <summary>Frees whatever seat or waitlist place the student holds.</summary>
    Task ReleaseAsync(Guid cohortId, Guid studentId, CancellationToken cancellationToken);

    /// <summary>
    /// Hands the student's seat to the longest-waiting waitlisted applicant (one that no other transaction is
    /// changing), freeing that applicant's waitlist place; returns their application's id. With nobody waiting the
    /// seat is freed and the result is null. The seat is never free in between, so no newcomer can take it.
    /// </summary>
    Task<Guid?> HandOverSeatAsync(Guid cohortId, Guid fromStudentId, CancellationToken cancellationToken);
}
