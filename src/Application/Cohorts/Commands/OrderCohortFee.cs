using LectureHub.Application.Abstractions;
using LectureHub.Application.Payments;
using LectureHub.Domain.Cohorts;
using LectureHub.Domain.Payments;
using Mediator;

namespace LectureHub.Application.Cohorts.Commands;

/// <summary>
/// An approved applicant of a paid cohort orders the fee, before its deadline: a PENDING order for the cohort at its
/// fee, paid through the usual widget, confirm, webhooks and reconciliation. While that order is pending the seat is
/// not taken away, even past the deadline; asking again returns the same order. Once paid, the seat is confirmed.
/// </summary>
public sealed record OrderCohortFeeCommand(Guid CohortId, Guid ApplicationId) : ICommand<OrderDto>;

/// <summary>
/// Every unpaid seat whose deadline passed with no payment in flight is expired, and passed on to the waitlist (the
/// promoted applicant gets a deadline of their own); both are emailed. Up to <paramref name="BatchSize"/> at a time.
/// </summary>
public sealed record ExpireUnpaidSeatsCommand(int BatchSize = 100) : ICommand<int>;

internal sealed class OrderCohortFeeHandler(
    IRepository<Cohort> cohorts, IRepository<CohortApplication> applications, IRepository<Order> orders, ICohortSeats seats, SettlementTerms terms,
    ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<OrderCohortFeeCommand, OrderDto>
{
    public async ValueTask<OrderDto> Handle(OrderCohortFeeCommand command, CancellationToken cancellationToken)
    {
        // The expiry takes the same lock: it never releases the seat while this places the order.
        await seats.LockApplicationAsync(command.ApplicationId, cancellationToken);
        var application = await applications.LoadAsync(command.CohortId, command.ApplicationId, cancellationToken);
        if (application.StudentId != currentUser.RequiredUserId)
        {
            throw CohortAccess.ApplicationNotFound(command.ApplicationId);
        }

        if (application.OrderId is { } current && await orders.GetByIdAsync(current, cancellationToken) is { Status: OrderStatus.Pending } pending)
        {
            return OrderDto.From(pending);
        }

        var cohort = await cohorts.LoadAsync(command.CohortId, cancellationToken);
        var now = clock.GetUtcNow();
        var order = Order.Place(application.StudentId, [new OrderLine(null, cohort.Title, cohort.FeeKrw, cohort.OwnerId, CohortId: cohort.Id)], terms, null, now);
        application.AttachOrder(order.Id, now);
        await orders.AddAsync(order, cancellationToken);
        return OrderDto.From(order);
    }
}

internal sealed class ExpireUnpaidSeatsHandler(
    IRepository<Cohort> cohorts, IRepository<CohortApplication> applications, ICohortSeats seats, CohortPayments payments, TimeProvider clock)
    : ICommandHandler<ExpireUnpaidSeatsCommand, int>
{
    public async ValueTask<int> Handle(ExpireUnpaidSeatsCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var lapsed = await seats.LockLapsedAsync(now, command.BatchSize, cancellationToken);
        foreach (var id in lapsed)
        {
            var application = await applications.SingleOrDefaultAsync(new ApplicationByIdSpec(id), cancellationToken) ?? throw CohortAccess.ApplicationNotFound(id);
            application.ExpireUnpaid(now);
            await seats.PassOnSeatAsync(applications, await cohorts.LoadAsync(application.CohortId, cancellationToken), application.StudentId, payments, now, cancellationToken);
        }

        return lapsed.Count;
    }
}
