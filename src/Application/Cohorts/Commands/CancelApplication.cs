using LectureHub.Application.Abstractions;
using LectureHub.Domain.Cohorts;
using LectureHub.Domain.Users;
using Mediator;

namespace LectureHub.Application.Cohorts.Commands;

/// <summary>
/// A student withdraws before the class starts. A freed seat goes to the longest-waiting waitlisted applicant in the
/// same transaction, so the counts never drift and nobody is promoted twice.
/// </summary>
public sealed record CancelApplicationCommand(Guid CohortId, Guid ApplicationId) : ICommand<ApplicationDto>;

internal sealed class CancelApplicationHandler(
    IRepository<Cohort> cohorts, IRepository<CohortApplication> applications, ICohortSeats seats, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<CancelApplicationCommand, ApplicationDto>
{
    public async ValueTask<ApplicationDto> Handle(CancelApplicationCommand command, CancellationToken cancellationToken)
    {
        // Lock first: the status read next is then current (a promotion in flight has committed), and the waitlist
        // head cannot be promoted by two cancellations at once.
        await seats.LockAsync(command.CohortId, cancellationToken);
        var application = await applications.LoadAsync(command.CohortId, command.ApplicationId, cancellationToken);
        if (application.StudentId != currentUser.RequiredUserId && currentUser.Role != Role.Admin)
        {
            throw CohortAccess.ApplicationNotFound(command.ApplicationId);
        }

        var cohort = await cohorts.LoadAsync(command.CohortId, cancellationToken);
        var now = clock.GetUtcNow();
        switch (application.Cancel(cohort.ClassStartsAt, now))
        {
            case ApplicationStatus.Approved:
                await seats.ReleaseSeatAsync(cohort.Id, cancellationToken);
                await PromoteNextAsync(cohort.Id, now, cancellationToken);
                break;
            case ApplicationStatus.Waitlisted:
                await seats.ReleaseWaitlistPlaceAsync(cohort.Id, cancellationToken);
                break;
        }

        return ApplicationDto.From(application);
    }

    private async Task PromoteNextAsync(Guid cohortId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var next = await applications.SingleOrDefaultAsync(new NextWaitlistedSpec(cohortId), cancellationToken);
        if (next is not null && await seats.PromoteAsync(cohortId, cancellationToken))
        {
            next.Promote(now);
        }
    }
}
