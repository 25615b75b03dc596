using LectureHub.Application.Abstractions;
using LectureHub.Domain.Payments;
using Mediator;
using Microsoft.Extensions.Logging;

namespace LectureHub.Application.Payments.Commands;

public enum SettleOutcome
{
    Paid,
    Closed,
    Waiting,
    Flagged,
    UnknownPayment,
    Refunded,
}

/// <summary>
/// Brings an order in line with what the gateway holds for a payment now. Webhooks and reconciliation both end here,
/// and neither's content is trusted: the payment is fetched from the gateway, so events arriving twice, late or in any
/// order (CANCELED before PAID) lead to the same end state. DONE for the order's amount records the payment (paid and
/// enrolled in one transaction); CANCELED, ABORTED or EXPIRED closes a pending order; a cancel of a paid order that
/// matches its refund in flight completes that refund; anything no rule may settle (an amount mismatch, money taken
/// for a closed order, a cancel we did not ask for) is flagged for an Admin.
/// </summary>
public sealed record SettlePaymentWorkflow(string PaymentKey) : IWorkflow<SettleOutcome>;

/// <summary>Closes a pending order the gateway ended (its status: CANCELED, ABORTED or EXPIRED).</summary>
public sealed record CloseOrderCommand(Guid OrderId, string GatewayStatus) : ICommand<OrderStatus>;

/// <summary>Keeps an anomaly for an Admin; flagging the same (payment, kind) again changes nothing.</summary>
public sealed record FlagPaymentAnomalyCommand(string PaymentKey, Guid? OrderId, AnomalyKind Kind, string Detail) : ICommand<Unit>;

internal sealed class SettlePaymentHandler(IPaymentGateway gateway, IRepository<Order> orders, ISender sender, ILogger<SettlePaymentHandler> logger)
    : IWorkflowHandler<SettlePaymentWorkflow, SettleOutcome>
{
    private static readonly string[] Ended = ["CANCELED", "ABORTED", "EXPIRED"];
    private static readonly string[] Canceled = ["CANCELED", "PARTIAL_CANCELED"];

    public async ValueTask<SettleOutcome> Handle(SettlePaymentWorkflow request, CancellationToken cancellationToken)
    {
        if (await gateway.GetPaymentAsync(request.PaymentKey, cancellationToken) is not { } payment)
        {
            return SettleOutcome.UnknownPayment;
        }

        var order = Guid.TryParse(payment.OrderId, out var orderId) ? await orders.GetByIdAsync(orderId, cancellationToken) : null;
        if (order is null)
        {
            return await FlagAsync(payment, null, AnomalyKind.UnknownOrder, $"The gateway's payment names order '{payment.OrderId}'.", cancellationToken);
        }

        if (payment.Status == "DONE")
        {
            if (payment.TotalAmount != order.AmountKrw)
            {
                return await FlagAsync(payment, order.Id, AnomalyKind.AmountMismatch, $"The gateway took {payment.TotalAmount} KRW; the order is for {order.AmountKrw} KRW.", cancellationToken);
            }

            if (order.Status is not (OrderStatus.Pending or OrderStatus.Paid))
            {
                return await FlagAsync(payment, order.Id, AnomalyKind.PaidAfterClose, $"The gateway took the money for an order that is {order.Status}.", cancellationToken);
            }

            await sender.RecordPaymentAsync(order.Id, payment, cancellationToken);
            return SettleOutcome.Paid;
        }

        if (order.Status is OrderStatus.Paid or OrderStatus.PartiallyRefunded or OrderStatus.Refunded && Canceled.Contains(payment.Status))
        {
            return await SettleCancelAsync(payment, order, cancellationToken);
        }

        if (Ended.Contains(payment.Status))
        {
            await sender.Send(new CloseOrderCommand(order.Id, payment.Status), cancellationToken);
            return SettleOutcome.Closed;
        }

        return SettleOutcome.Waiting;
    }

    /// <summary>The gateway holds less than was paid: that must be our refunds, the completed ones and the one in flight.</summary>
    private async Task<SettleOutcome> SettleCancelAsync(GatewayPayment payment, Order order, CancellationToken cancellationToken)
    {
        if (payment.CanceledAmount is not { } canceled)
        {
            return await FlagAsync(payment, order.Id, AnomalyKind.CanceledAfterPaid, "The gateway says PARTIAL_CANCELED but not what is left.", cancellationToken);
        }

        if (canceled == order.RefundedKrw)
        {
            return SettleOutcome.Waiting;
        }

        if (order.Refunds.SingleOrDefault(r => r.Status == RefundStatus.Requested) is { } inFlight && canceled == order.RefundedKrw + inFlight.AmountKrw)
        {
            await sender.SendSettlingAsync(new CompleteRefundCommand(order.Id, inFlight.Id), cancellationToken);
            return SettleOutcome.Refunded;
        }

        return await FlagAsync(payment, order.Id, AnomalyKind.CanceledAfterPaid,
            $"The gateway canceled {canceled} KRW ({payment.Status}); LectureHub refunded {order.RefundedKrw} KRW.", cancellationToken);
    }

    private async Task<SettleOutcome> FlagAsync(GatewayPayment payment, Guid? orderId, AnomalyKind kind, string detail, CancellationToken cancellationToken)
    {
        logger.LogError("Payment {PaymentKey} (order {OrderId}) flagged for review: {Kind}: {Detail}", payment.PaymentKey, orderId, kind, detail);
        await sender.Send(new FlagPaymentAnomalyCommand(payment.PaymentKey, orderId, kind, detail), cancellationToken);
        return SettleOutcome.Flagged;
    }
}

internal sealed class CloseOrderHandler(IRepository<Order> orders, ICouponRedemptions coupons, TimeProvider clock) : ICommandHandler<CloseOrderCommand, OrderStatus>
{
    public async ValueTask<OrderStatus> Handle(CloseOrderCommand command, CancellationToken cancellationToken)
    {
        var order = await orders.GetByIdAsync(command.OrderId, cancellationToken) ?? throw OrderAccess.NotFound(command.OrderId);
        var now = clock.GetUtcNow();
        if (order.Status == OrderStatus.Pending && order.CouponId is { } coupon)
        {
            await coupons.ReleaseAsync(coupon, cancellationToken); // the order ends unpaid: its coupon use goes back
        }

        switch (command.GatewayStatus)
        {
            case "EXPIRED":
                order.Expire(now);
                break;
            case "ABORTED":
                order.Fail("The gateway aborted the payment.", now);
                break;
            default:
                order.Cancel(now);
                break;
        }

        return order.Status;
    }
}

internal sealed class FlagPaymentAnomalyHandler(IRepository<PaymentAnomaly> anomalies, TimeProvider clock) : ICommandHandler<FlagPaymentAnomalyCommand, Unit>
{
    public async ValueTask<Unit> Handle(FlagPaymentAnomalyCommand command, CancellationToken cancellationToken)
    {
        if (!await anomalies.AnyAsync(new AnomalySpec(command.PaymentKey, command.Kind), cancellationToken))
        {
            await anomalies.AddAsync(PaymentAnomaly.Flag(command.PaymentKey, command.OrderId, command.Kind, command.Detail, clock.GetUtcNow()), cancellationToken);
        }

        return Unit.Value;
    }
}
