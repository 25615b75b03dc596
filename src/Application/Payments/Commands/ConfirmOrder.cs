using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Domain.Payments;
using Mediator;
using Microsoft.Extensions.Logging;

namespace LectureHub.Application.Payments.Commands;

/// <summary>
/// The payment widget returned <c>paymentKey</c>, <c>orderId</c> and <c>amount</c>. The amount must be the order's;
/// then the gateway is asked to confirm (with an idempotency key, retried), and only its DONE, for this order and
/// this amount, records the payment (<see cref="RecordPaymentCommand"/>: PAID and enrolled in one transaction).
/// Calling the gateway is a side effect no transaction can hold, so this is a plain request that sends the command
/// after the gateway answered. If the gateway cannot be reached, the order stays PENDING (503): the gateway's webhook
/// or reconciliation settles it. Confirming twice, or two devices at once, leaves one payment and one enrolment.
/// </summary>
public sealed record ConfirmOrderWorkflow(Guid OrderId, string PaymentKey, long AmountKrw) : IWorkflow<OrderDto>;

internal sealed class ConfirmOrderValidator : AbstractValidator<ConfirmOrderWorkflow>
{
    public ConfirmOrderValidator()
    {
        RuleFor(c => c.PaymentKey).NotEmpty().MaximumLength(200);
        RuleFor(c => c.AmountKrw).GreaterThan(0);
    }
}

internal sealed class ConfirmOrderHandler(
    IRepository<Order> orders, IPaymentGateway gateway, ISender sender, ICurrentUser currentUser, ILogger<ConfirmOrderHandler> logger)
    : IWorkflowHandler<ConfirmOrderWorkflow, OrderDto>
{
    public async ValueTask<OrderDto> Handle(ConfirmOrderWorkflow request, CancellationToken cancellationToken)
    {
        var order = await orders.GetByIdAsync(request.OrderId, cancellationToken);
        if (order is null || order.StudentId != currentUser.UserId)
        {
            throw OrderAccess.NotFound(request.OrderId);
        }

        if (order.Status == OrderStatus.Paid && order.PaymentKey == request.PaymentKey)
        {
            return OrderDto.From(order);
        }

        if (order.Status != OrderStatus.Pending)
        {
            throw new ConflictException("ORDER_STATE_INVALID", $"The order is {order.Status.ToString().ToLowerInvariant()}.");
        }

        if (request.AmountKrw != order.AmountKrw)
        {
            throw new UnprocessableException("PAYMENT_AMOUNT_MISMATCH", $"The order is for {order.AmountKrw} KRW, not {request.AmountKrw} KRW. Nothing was charged.");
        }

        var payment = await ConfirmAtGatewayAsync(request.PaymentKey, order, cancellationToken);
        if (payment.Status != "DONE" || payment.OrderId != order.Id.ToString() || payment.TotalAmount != order.AmountKrw)
        {
            logger.LogError("Order {OrderId}: the gateway confirmed payment {PaymentKey} as {Status} for order {GatewayOrderId} and {Amount} KRW; the order is for {OrderAmount} KRW",
                order.Id, payment.PaymentKey, payment.Status, payment.OrderId, payment.TotalAmount, order.AmountKrw);
            throw new ConflictException("PAYMENT_NOT_MATCHING", "The gateway's payment does not match this order; it is kept for review.");
        }

        return await sender.RecordPaymentAsync(order.Id, payment, cancellationToken);
    }

    private async Task<GatewayPayment> ConfirmAtGatewayAsync(string paymentKey, Order order, CancellationToken cancellationToken)
    {
        try
        {
            return await gateway.ConfirmAsync(paymentKey, order.Id, order.AmountKrw, cancellationToken);
        }
        catch (PaymentGatewayRejectedException ex) when (ex.Code == "ALREADY_PROCESSED_PAYMENT")
        {
            // Confirmed already (by another request without our idempotency key): what the gateway holds decides.
            return await gateway.GetPaymentAsync(paymentKey, cancellationToken)
                   ?? throw new ConflictException("PAYMENT_NOT_FOUND", "The gateway no longer knows this payment.");
        }
        catch (PaymentGatewayRejectedException ex)
        {
            throw new UnprocessableException("PAYMENT_REJECTED", $"The payment gateway refused the payment ({ex.Code}): {ex.Message}");
        }
        catch (PaymentGatewayUnavailableException)
        {
            throw new ServiceUnavailableException("PAYMENT_GATEWAY_UNAVAILABLE",
                "The payment gateway did not answer. The order stays pending and is settled when the gateway reports back; do not pay again.");
        }
    }
}
