using LectureHub.Application.Abstractions;
using LectureHub.Domain.Cohorts;
using LectureHub.Domain.Payments;
using Microsoft.Extensions.Logging;

namespace LectureHub.Application.Cohorts;

/// <summary>
/// What a cohort fee's payment and refund do to the seat, inside the payment flow's transaction: each locks the
/// application's row first, as placing the order and the expiry of unpaid seats do, so at most one of them acts on it.
/// </summary>
internal sealed class CohortFees(
    IRepository<Cohort> cohorts, IRepository<CohortApplication> applications, ICohortSeats seats, CohortPayments payments, ILogger<CohortFees> logger)
{
    /// <summary>
    /// The fee's order was paid: the seat is confirmed. False when the application no longer holds a seat for this order
    /// (it cannot expire while the order is pending, but an operator may have ended it): the caller refunds the fee in full.
    /// </summary>
    public async Task<bool> PaidAsync(Order order, Guid cohortId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await seats.LockApplicationAsync(cohortId, order.StudentId, cancellationToken);
        var application = await applications.SingleOrDefaultAsync(new StudentApplicationSpec(cohortId, order.StudentId), cancellationToken);
        if (application is { AwaitsPayment: true } && application.OrderId == order.Id)
        {
            application.MarkPaid(order.Id, now);
            return true;
        }

        logger.LogWarning("Order {OrderId} paid the fee of cohort {CohortId}, but the application ({Status}) holds no seat for it; the fee is refunded in full",
            order.Id, cohortId, application?.Status);
        return false;
    }

    /// <summary>The fee was refunded: a paid seat is given up and passed on to the waitlist (a cancelled cohort's applications have ended already).</summary>
    public async Task RefundedAsync(Order order, Guid cohortId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await seats.LockApplicationAsync(cohortId, order.StudentId, cancellationToken);
        var application = await applications.SingleOrDefaultAsync(new StudentApplicationSpec(cohortId, order.StudentId), cancellationToken);
        if (application is { Status: ApplicationStatus.Approved, PaidAt: not null } && application.OrderId == order.Id)
        {
            application.EndAfterRefund(now);
            await seats.PassOnSeatAsync(applications, await cohorts.LoadAsync(cohortId, cancellationToken), application.StudentId, payments, now, cancellationToken);
        }
    }
}
