using LectureHub.Application.Abstractions;
using LectureHub.Domain.Payments;
using Mediator;

namespace LectureHub.Application.Payments.Commands;

/// <summary>
/// An order still PENDING long after it was placed: its confirm and webhook never arrived (a crash between the
/// gateway's DONE and our commit, a lost webhook). The gateway is asked for the order's payment and the order settled
/// from it; an order the gateway has no payment for, past <paramref name="AbandonedAfter"/>, expires.
/// </summary>
public sealed record ReconcileOrderWorkflow(Guid OrderId, TimeSpan AbandonedAfter) : IWorkflow<SettleOutcome>;

internal sealed class ReconcileOrderHandler(IPaymentGateway gateway, Abstractions.IRepository<Order> orders, ISender sender, TimeProvider clock)
    : IWorkflowHandler<ReconcileOrderWorkflow, SettleOutcome>
{
    public async ValueTask<SettleOutcome> Handle(ReconcileOrderWorkflow request, CancellationToken cancellationToken)
    {
        if (await gateway.GetPaymentByOrderAsync(request.OrderId, cancellationToken) is { } payment)
        {
            return await sender.Send(new SettlePaymentWorkflow(payment.PaymentKey), cancellationToken);
        }

        var order = await orders.GetByIdAsync(request.OrderId, cancellationToken) ?? throw OrderAccess.NotFound(request.OrderId);
        if (order.Status == OrderStatus.Pending && clock.GetUtcNow() - order.CreatedAt >= request.AbandonedAfter)
        {
            await sender.Send(new CloseOrderCommand(order.Id, "EXPIRED"), cancellationToken);
            return SettleOutcome.Closed;
        }

        return SettleOutcome.Waiting;
    }
}
