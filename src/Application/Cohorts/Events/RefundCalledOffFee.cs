using LectureHub.Application.Abstractions;
using LectureHub.Application.Payments.Commands;
using LectureHub.Domain.Cohorts;
using Mediator;

namespace LectureHub.Application.Cohorts.Events;

/// <summary>
/// Starts, right after the commit, the full refund recorded when a paid applicant's cohort was called off (the
/// reconciler would otherwise, minutes later). The refund's id is the gateway's idempotency key, so a retry after a
/// failure, or the reconciler meeting it too, returns the money once.
/// </summary>
internal sealed class RefundCalledOffFee(IReadDb db, ISender sender) : IDomainEventHandler<CohortApplicationChanged>
{
    private const string RequestedRefundSql = """
        SELECT o.id AS "OrderId", (r ->> 'id')::uuid AS "RefundId"
        FROM cohort_applications a
        JOIN orders o ON o.id = a.order_id
        CROSS JOIN LATERAL jsonb_array_elements(o.refunds) r
        WHERE a.id = @ApplicationId AND r ->> 'status' = 'Requested' AND r ->> 'cohortId' = a.cohort_id::text
        """;

    public async Task HandleAsync(CohortApplicationChanged domainEvent, CancellationToken cancellationToken)
    {
        if (domainEvent.CohortCancelled
            && await db.Primary.QuerySingleOrDefaultAsync<RequestedRefund>(RequestedRefundSql, new { domainEvent.ApplicationId }, cancellationToken) is { } refund)
        {
            await sender.Send(new ProcessRefundWorkflow(refund.OrderId, refund.RefundId, "주최 측 일정 취소에 따른 전액 환불"), cancellationToken);
        }
    }

    private sealed record RequestedRefund(Guid OrderId, Guid RefundId);
}
