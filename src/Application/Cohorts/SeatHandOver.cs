using LectureHub.Application.Abstractions;
using LectureHub.Domain.Cohorts;

namespace LectureHub.Application.Cohorts;

internal static class SeatHandOver
{
    /// <summary>
    /// A seat given up (cancelled, refunded, not paid in time) goes to the longest-waiting waitlisted applicant, who is
    /// promoted (with a fee deadline in a paid cohort), or back to the pool when nobody waits. In the caller's transaction.
    /// </summary>
    public static async Task PassOnSeatAsync(
        this ICohortSeats seats, IRepository<CohortApplication> applications, Cohort cohort, Guid fromStudentId, CohortPayments payments, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (await seats.HandOverSeatAsync(cohort.Id, fromStudentId, cancellationToken) is { } promotedId)
        {
            (await applications.LoadAsync(cohort.Id, promotedId, cancellationToken)).Promote(now, cohort.PaymentDueFor(now, payments.Window));
        }
    }
}
