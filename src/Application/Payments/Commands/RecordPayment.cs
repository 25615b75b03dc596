using LectureHub.Application.Abstractions;
using LectureHub.Application.Cohorts;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Application.Courses;
using LectureHub.Application.Enrollments;
using LectureHub.Domain.Enrollments;
using LectureHub.Domain.Payments;
using LectureHub.Domain.Settlement;
using Mediator;

namespace LectureHub.Application.Payments.Commands;

/// <summary>
/// The gateway says DONE for this order, amount and payment key: the order becomes PAID, the student is enrolled in
/// every course of it (or a cohort fee's seat is confirmed) and each line's sale is written to the ledger, in one
/// transaction, so "paid but not enrolled" (or paid but not accounted) cannot be committed. Idempotent: recording the
/// same payment again changes nothing. Used by confirm, and later by the webhook processor and reconciliation.
/// </summary>
public sealed record RecordPaymentCommand(Guid OrderId, string PaymentKey, long AmountKrw) : ICommand<OrderDto>;

internal sealed class RecordPaymentHandler(
    IRepository<Order> orders, IRepository<Enrollment> enrollments, IRepository<LedgerEntry> ledger, ICourseStats stats, CohortFees cohortFees, TimeProvider clock)
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
            await ledger.AddRangeAsync(Ledger.Sale(order.Id, line, order.Terms.Split(line.PaidKrw), now), cancellationToken);
            if (line.CohortId is { } cohortId)
            {
                if (!await cohortFees.PaidAsync(order, cohortId, now, cancellationToken))
                {
                    // No seat for the money: all of it goes back (the reconciler asks the gateway; the refund's id keeps it to once).
                    order.RequestRefund(cohortId, order.Terms.Refunds.InFull(line.PaidKrw), now);
                }

                continue;
            }

            await EnrolAsync(order, line.CourseId!.Value, now, cancellationToken);
        }

        return OrderDto.From(order);
    }

    private async Task EnrolAsync(Order order, Guid courseId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var existing = await enrollments.SingleOrDefaultAsync(new StudentEnrollmentSpec(order.StudentId, courseId), cancellationToken);
        if (existing is { Status: EnrollmentStatus.Active })
        {
            return; // enrolled meanwhile (another order): the refund path settles the double purchase
        }

        if (existing is not null)
        {
            existing.Renew(EnrollmentSource.Purchase, now, order.Id);
        }
        else
        {
            await enrollments.AddAsync(Enrollment.Start(order.StudentId, courseId, EnrollmentSource.Purchase, now, order.Id), cancellationToken);
        }

        await stats.CountEnrollmentAsync(courseId, order.StudentId, +1, cancellationToken);
    }
}

internal static class PaymentRecording
{
    public static Task<OrderDto> RecordPaymentAsync(this ISender sender, Guid orderId, GatewayPayment payment, CancellationToken cancellationToken) =>
        sender.SendSettlingAsync(new RecordPaymentCommand(orderId, payment.PaymentKey, payment.TotalAmount), cancellationToken);

    /// <summary>
    /// Sends an idempotent settling command (record a payment, complete a refund). A confirm, a webhook and
    /// reconciliation may settle the same thing at once: the loser meets the order's xmin or a unique index, and
    /// sending again finds it settled and changes nothing. A conflict of any other kind repeats and is thrown.
    /// </summary>
    public static async Task<T> SendSettlingAsync<T>(this ISender sender, ICommand<T> command, CancellationToken cancellationToken)
    {
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
