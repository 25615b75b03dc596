using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Payments.Queries;
using LectureHub.Domain.Payments;
using Mediator;

namespace LectureHub.Application.Payments.Commands;

/// <summary>A refund as its student sees it: of a course (<see cref="CourseId"/>) or of a cohort's fee (<see cref="CohortId"/>).</summary>
public sealed record RefundDto(
    Guid RefundId, Guid OrderId, Guid? CourseId, long AmountKrw, string PolicyVersion, double ProgressPercent, RefundStatus Status, OrderStatus OrderStatus,
    Guid? CohortId)
{
    public static RefundDto From(Order order, Guid refundId)
    {
        var refund = order.Refunds.Single(r => r.Id == refundId);
        return new RefundDto(refund.Id, order.Id, refund.CourseId, refund.AmountKrw, refund.PolicyVersion, refund.ProgressPercent, refund.Status, order.Status, refund.CohortId);
    }
}

/// <summary>
/// A student refunds one paid enrolment at today's quote: the refund is recorded as requested on the order (one per
/// course, one in flight per order), the gateway is asked to cancel that amount, and its answer completes the refund:
/// enrolment Refunded and the ledger reversed, in one transaction (<see cref="ProcessRefundWorkflow"/>). Asking again
/// resumes the same refund; a gateway outage leaves it requested, and reconciliation finishes it.
/// </summary>
public sealed record RefundEnrollmentWorkflow(Guid EnrollmentId, string? Reason) : IWorkflow<RefundDto>;

/// <summary>Records the refund request on the order at the quoted amount; returns the refund in flight for the line (a course or a cohort) if there is one.</summary>
public sealed record RequestRefundCommand(Guid OrderId, Guid ItemId, RefundQuote Quote) : ICommand<OrderRefund>;

internal sealed class RefundEnrollmentValidator : AbstractValidator<RefundEnrollmentWorkflow>
{
    public RefundEnrollmentValidator() => RuleFor(r => r.Reason).MaximumLength(200);
}

internal sealed class RefundEnrollmentHandler(ISender sender) : IWorkflowHandler<RefundEnrollmentWorkflow, RefundDto>
{
    public async ValueTask<RefundDto> Handle(RefundEnrollmentWorkflow request, CancellationToken cancellationToken)
    {
        var quote = await sender.Send(new GetRefundQuoteQuery(request.EnrollmentId), cancellationToken);
        return await sender.RefundAsync(quote.OrderId, quote.CourseId,
            new RefundQuote(quote.Policy.Version, quote.ProgressPercent, quote.PaidKrw, quote.AmountKrw, quote.Rule), request.Reason, cancellationToken);
    }
}

internal static class Refunding
{
    /// <summary>Records the refund of one line at its quote, then has the gateway return the money.</summary>
    public static async Task<RefundDto> RefundAsync(this ISender sender, Guid orderId, Guid itemId, RefundQuote quote, string? reason, CancellationToken cancellationToken)
    {
        // Two taps of the refund button meet on the order's xmin; the loser, asking again, finds the refund in flight and resumes it.
        var refund = await sender.SendSettlingAsync(new RequestRefundCommand(orderId, itemId, quote), cancellationToken);
        return await sender.Send(new ProcessRefundWorkflow(orderId, refund.Id, string.IsNullOrWhiteSpace(reason) ? "고객 요청 환불" : reason), cancellationToken);
    }
}

internal sealed class RequestRefundHandler(IRepository<Order> orders, TimeProvider clock) : ICommandHandler<RequestRefundCommand, OrderRefund>
{
    public async ValueTask<OrderRefund> Handle(RequestRefundCommand command, CancellationToken cancellationToken)
    {
        var order = await orders.GetByIdAsync(command.OrderId, cancellationToken) ?? throw OrderAccess.NotFound(command.OrderId);
        return order.RequestRefund(command.ItemId, command.Quote, clock.GetUtcNow());
    }
}
