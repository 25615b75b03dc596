using LectureHub.Application.Abstractions;
using LectureHub.Application.Cohorts;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Application.Courses;
using LectureHub.Application.Enrollments;
using LectureHub.Domain.Enrollments;
using LectureHub.Domain.Payments;
using LectureHub.Domain.Settlement;
using Mediator;
using Microsoft.Extensions.Logging;

namespace LectureHub.Application.Payments.Commands;

/// <summary>
/// Asks the gateway to cancel a requested refund's amount, with the refund's id as idempotency key (so the student
/// asking twice, or reconciliation after a crash, returns the money once), then completes it. A gateway refusal drops
/// the request (422); an outage leaves it requested (503) for reconciliation to retry.
/// </summary>
public sealed record ProcessRefundWorkflow(Guid OrderId, Guid RefundId, string Reason) : IWorkflow<RefundDto>;

/// <summary>The gateway returned the money: order refunded, enrolment Refunded (or a cohort seat given up) and the ledger reversed, in one transaction.</summary>
public sealed record CompleteRefundCommand(Guid OrderId, Guid RefundId) : ICommand<RefundDto>;

public sealed record AbandonRefundCommand(Guid OrderId, Guid RefundId) : ICommand<Unit>;

internal sealed class ProcessRefundHandler(IRepository<Order> orders, IPaymentGateway gateway, ISender sender, ILogger<ProcessRefundHandler> logger)
    : IWorkflowHandler<ProcessRefundWorkflow, RefundDto>
{
    public async ValueTask<RefundDto> Handle(ProcessRefundWorkflow request, CancellationToken cancellationToken)
    {
        var order = await orders.GetByIdAsync(request.OrderId, cancellationToken) ?? throw OrderAccess.NotFound(request.OrderId);
        var refund = order.Refunds.SingleOrDefault(r => r.Id == request.RefundId) ?? throw new NotFoundException("REFUND_NOT_FOUND", $"Refund {request.RefundId} does not exist.");
        if (refund.Status == RefundStatus.Requested)
        {
            try
            {
                await gateway.CancelAsync(order.PaymentKey!, refund.AmountKrw, request.Reason, $"refund-{refund.Id:N}", cancellationToken);
            }
            catch (PaymentGatewayRejectedException ex)
            {
                logger.LogWarning("Refund {RefundId} of order {OrderId} refused by the gateway: {Code} {Message}", refund.Id, order.Id, ex.Code, ex.Message);
                await sender.Send(new AbandonRefundCommand(order.Id, refund.Id), cancellationToken);
                throw new UnprocessableException("REFUND_REJECTED", $"The payment gateway refused the refund ({ex.Code}): {ex.Message}");
            }
            catch (PaymentGatewayUnavailableException)
            {
                throw new ServiceUnavailableException("REFUND_PENDING",
                    "The payment gateway did not answer. The refund is recorded and will be completed automatically; you do not need to ask again.");
            }
        }

        return await sender.SendSettlingAsync(new CompleteRefundCommand(order.Id, refund.Id), cancellationToken);
    }
}

internal sealed class CompleteRefundHandler(
    IRepository<Order> orders, IRepository<Enrollment> enrollments, IRepository<LedgerEntry> ledger, ICourseStats stats, CohortFees cohortFees, TimeProvider clock)
    : ICommandHandler<CompleteRefundCommand, RefundDto>
{
    public async ValueTask<RefundDto> Handle(CompleteRefundCommand command, CancellationToken cancellationToken)
    {
        var order = await orders.GetByIdAsync(command.OrderId, cancellationToken) ?? throw OrderAccess.NotFound(command.OrderId);
        var now = clock.GetUtcNow();
        if (order.CompleteRefund(command.RefundId, now))
        {
            var refund = order.Refunds.Single(r => r.Id == command.RefundId);
            var line = order.Line(refund.ItemId());
            await ledger.AddRangeAsync(Ledger.Refund(order.Id, line, order.Terms.Split(line.PaidKrw), refund.AmountKrw, now), cancellationToken);
            if (line.CohortId is { } cohortId)
            {
                await cohortFees.RefundedAsync(order, cohortId, now, cancellationToken);
            }
            else if (await enrollments.SingleOrDefaultAsync(new StudentEnrollmentSpec(order.StudentId, line.CourseId!.Value), cancellationToken) is
                     { Status: EnrollmentStatus.Active } enrollment && enrollment.OrderId == order.Id)
            {
                enrollment.Refund(now);
                await stats.CountEnrollmentAsync(enrollment.CourseId, order.StudentId, -1, cancellationToken);
            }
        }

        return RefundDto.From(order, command.RefundId);
    }
}

internal sealed class AbandonRefundHandler(IRepository<Order> orders, TimeProvider clock) : ICommandHandler<AbandonRefundCommand, Unit>
{
    public async ValueTask<Unit> Handle(AbandonRefundCommand command, CancellationToken cancellationToken)
    {
        var order = await orders.GetByIdAsync(command.OrderId, cancellationToken) ?? throw OrderAccess.NotFound(command.OrderId);
        order.AbandonRefund(command.RefundId, clock.GetUtcNow());
        return Unit.Value;
    }
}
