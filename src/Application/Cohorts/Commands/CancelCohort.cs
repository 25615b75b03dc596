using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Domain.Cohorts;
using LectureHub.Domain.Payments;
using Mediator;

namespace LectureHub.Application.Cohorts.Commands;

/// <summary>
/// The owner or an Admin calls a cohort off before it ends, with a reason: every active application (approved,
/// waitlisted or awaiting review) is cancelled and its applicant emailed the reason; every place is freed. A paid fee
/// is refunded in full, whatever the policy: the refund is recorded here and started from the outbox (and the
/// reconciler finishes any the gateway did not answer). A fee being paid right now is refunded when its payment lands.
/// </summary>
public sealed record CancelCohortCommand(Guid Id, string Reason) : ICommand<CancelledCohortDto>;

public sealed record CancelledCohortDto(Guid Id, DateTimeOffset CancelledAt, string Reason, int ApplicationsCancelled);

internal sealed class CancelCohortValidator : AbstractValidator<CancelCohortCommand>
{
    public CancelCohortValidator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(Cohort.MaxCancellationReasonLength);
}

internal sealed class CancelCohortHandler(
    IRepository<Cohort> cohorts, IRepository<CohortApplication> applications, IRepository<Order> orders, ICohortSeats seats, ICurrentUser currentUser,
    TimeProvider clock)
    : ICommandHandler<CancelCohortCommand, CancelledCohortDto>
{
    public async ValueTask<CancelledCohortDto> Handle(CancelCohortCommand command, CancellationToken cancellationToken)
    {
        // Exclusive: an application being made now commits before this reads the active ones, or sees the cohort cancelled.
        await seats.HoldCohortAsync(command.Id, exclusive: true, cancellationToken);
        var cohort = await cohorts.LoadAsync(command.Id, cancellationToken);
        currentUser.EnsureCanManage(cohort.OwnerId);
        var now = clock.GetUtcNow();
        cohort.Cancel(command.Reason, now);
        var active = await applications.ListAsync(new ActiveCohortApplicationsSpec(cohort.Id), cancellationToken);
        foreach (var application in active)
        {
            if (application is { PaidAt: not null, OrderId: { } orderId })
            {
                var order = await orders.GetByIdAsync(orderId, cancellationToken) ?? throw new InvalidOperationException($"Order {orderId} of application {application.Id} is missing.");
                order.RequestRefund(cohort.Id, order.Terms.Refunds.InFull(order.Line(cohort.Id).PaidKrw), now);
            }

            application.CancelWithCohort(now);
        }

        await seats.CloseAsync(cohort.Id, cancellationToken);
        return new CancelledCohortDto(cohort.Id, now, cohort.CancellationReason!, active.Count);
    }
}
