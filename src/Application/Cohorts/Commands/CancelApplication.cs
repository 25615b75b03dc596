using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Domain.Cohorts;
using LectureHub.Domain.Payments;
using LectureHub.Domain.Users;
using Mediator;

namespace LectureHub.Application.Cohorts.Commands;

/// <summary>
/// A student withdraws before the class starts. A freed seat goes straight to the longest-waiting waitlisted applicant
/// in the same transaction, so no newcomer can take it in between and nobody is promoted twice.
/// </summary>
public sealed record CancelApplicationCommand(Guid CohortId, Guid ApplicationId) : ICommand<ApplicationDto>;

internal sealed class CancelApplicationHandler(
    IRepository<Cohort> cohorts, IRepository<CohortApplication> applications, IRepository<Order> orders, ICohortSeats seats, CohortPayments payments,
    ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<CancelApplicationCommand, ApplicationDto>
{
    public async ValueTask<ApplicationDto> Handle(CancelApplicationCommand command, CancellationToken cancellationToken)
    {
        // Lock first: the status read next is then current (a promotion of this application in flight has committed).
        await seats.LockApplicationAsync(command.ApplicationId, cancellationToken);
        var application = await applications.LoadAsync(command.CohortId, command.ApplicationId, cancellationToken);
        if (application.StudentId != currentUser.RequiredUserId && currentUser.Role != Role.Admin)
        {
            throw CohortAccess.ApplicationNotFound(command.ApplicationId);
        }

        if (application is { AwaitsPayment: true, OrderId: { } orderId } && (await orders.GetByIdAsync(orderId, cancellationToken))?.Status == OrderStatus.Pending)
        {
            throw new ConflictException("PAYMENT_IN_PROGRESS", "A payment of the fee is in progress; cancel once it has finished (a paid fee is refunded instead).");
        }

        var cohort = await cohorts.LoadAsync(command.CohortId, cancellationToken);
        var now = clock.GetUtcNow();
        switch (application.Cancel(cohort.ClassStartsAt, now))
        {
            case ApplicationStatus.Approved:
                await seats.PassOnSeatAsync(applications, cohort, application.StudentId, payments, now, cancellationToken);
                break;
            case ApplicationStatus.Waitlisted:
                await seats.ReleaseAsync(cohort.Id, application.StudentId, cancellationToken);
                break;
        }

        return ApplicationDto.From(application);
    }
}
