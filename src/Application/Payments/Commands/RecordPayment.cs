using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Application.Courses;
using LectureHub.Application.Enrollments.Commands;
using LectureHub.Domain.Enrollments;
using LectureHub.Domain.Payments;
using Mediator;

namespace LectureHub.Application.Payments.Commands;

/// <summary>
/// The gateway says DONE for this order, amount and payment key: the order becomes PAID and the student is enrolled in
/// every course of it, in one transaction, so "paid but not enrolled" cannot be committed. Idempotent: recording the
/// same payment again changes nothing. Used by confirm, and later by the webhook processor and reconciliation.
/// </summary>
public sealed record RecordPaymentCommand(Guid OrderId, string PaymentKey, long AmountKrw) : ICommand<OrderDto>;

internal sealed class RecordPaymentHandler(IRepository<Order> orders, IRepository<Enrollment> enrollments, ICourseStats stats, TimeProvider clock)
    : ICommandHandler<RecordPaymentCommand, OrderDto>
{
    public async ValueTask<OrderDto> Handle(RecordPaymentCommand command, CancellationToken cancellationToken)
    {
        var order = await orders.GetByIdAsync(command.OrderId, cancellationToken) ?? throw OrderAccess.NotFound(command.OrderId);
        var now = clock.GetUtcNow();
        if (!order.MarkPaid(command.PaymentKey, command.AmountKrw, now))
        {
            return OrderDto.From(order);
        }

        foreach (var line in order.Lines)
        {
            var existing = await enrollments.SingleOrDefaultAsync(new StudentEnrollmentSpec(order.StudentId, line.CourseId), cancellationToken);
            if (existing is { Status: EnrollmentStatus.Active })
            {
                continue; // enrolled meanwhile (another order): the refund path settles the double purchase
            }

            if (existing is not null)
            {
                existing.Renew(EnrollmentSource.Purchase, now);
            }
            else
            {
                await enrollments.AddAsync(Enrollment.Start(order.StudentId, line.CourseId, EnrollmentSource.Purchase, now), cancellationToken);
            }

            await stats.CountEnrollmentAsync(line.CourseId, +1, cancellationToken);
        }

        return OrderDto.From(order);
    }
}

internal static class PaymentRecording
{
    /// <summary>
    /// Records a DONE payment. A confirm, a webhook and reconciliation may record the same payment at once: the loser
    /// meets the order's xmin or an enrolment's unique index, and recording again finds the order paid and changes
    /// nothing. A conflict of any other kind repeats and is thrown.
    /// </summary>
    public static async Task<OrderDto> RecordPaymentAsync(this ISender sender, Guid orderId, GatewayPayment payment, CancellationToken cancellationToken)
    {
        var command = new RecordPaymentCommand(orderId, payment.PaymentKey, payment.TotalAmount);
        try
        {
            return await sender.Send(command, cancellationToken);
        }
        catch (ConflictException)
        {
            return await sender.Send(command, cancellationToken);
        }
    }
}
