using LectureHub.Domain.Cohorts;

namespace LectureHub.Application.Cohorts;

/// <summary>The result of a seat claim: a seat (Approved) or a waitlist place with its arrival number.</summary>
public readonly record struct SeatClaim(ApplicationStatus Outcome, long? WaitlistNumber);

/// <summary>
/// Seat and waitlist counters of a cohort, in their own row, changed only by atomic conditional updates
/// (<c>... SET taken = taken + 1 WHERE taken &lt; capacity</c>) inside the command's transaction. Each update
/// holds that one cohort's row until commit, so seat changes of one cohort queue for milliseconds while other cohorts
/// and everything else run free: no global lock, no SERIALIZABLE retries. Check constraints make overbooking
/// impossible even for a buggy caller.
/// </summary>
public interface ICohortSeats
{
    /// <summary>Creates the counters at zero, in the same save as the cohort.</summary>
    void Open(Cohort cohort);

    /// <summary>Takes the cohort's row lock until commit, so what is read next about its applications stays current.</summary>
    Task LockAsync(Guid cohortId, CancellationToken cancellationToken);

    /// <summary>
    /// A lock-free look at the counters: true when no seat (and, if asked, no waitlist place) is left. Lets a rush's
    /// losers be answered without queueing for the row lock; a "not full" answer is only a hint, the claim decides.
    /// </summary>
    Task<bool> IsFullAsync(Guid cohortId, bool orWaitlist, CancellationToken cancellationToken);

    /// <summary>A seat if one is free; else, if allowed, a waitlist place; null when both are full.</summary>
    Task<SeatClaim?> ClaimAsync(Guid cohortId, bool orWaitlist, CancellationToken cancellationToken);

    Task ReleaseSeatAsync(Guid cohortId, CancellationToken cancellationToken);

    Task ReleaseWaitlistPlaceAsync(Guid cohortId, CancellationToken cancellationToken);

    /// <summary>Turns one waitlist place into a seat, if a seat is free; false if none is.</summary>
    Task<bool> PromoteAsync(Guid cohortId, CancellationToken cancellationToken);
}
