using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Domain.Cohorts;
using Mediator;

namespace LectureHub.Application.Cohorts.Commands;

/// <summary>
/// The owner or an Admin calls a cohort off before it ends, with a reason: every active application (approved,
/// waitlisted or awaiting review) is cancelled and its applicant emailed the reason; every place is freed.
/// </summary>
public sealed record CancelCohortCommand(Guid Id, string Reason) : ICommand<CancelledCohortDto>;

public sealed record CancelledCohortDto(Guid Id, DateTimeOffset CancelledAt, string Reason, int ApplicationsCancelled);

internal sealed class CancelCohortValidator : AbstractValidator<CancelCohortCommand>
{
    public CancelCohortValidator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(Cohort.MaxCancellationReasonLength);
}

internal sealed class CancelCohortHandler(
    IRepository<Cohort> cohorts, IRepository<CohortApplication> applications, ICohortSeats seats, ICurrentUser currentUser, TimeProvider clock)
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
            application.CancelWithCohort(now);
        }

        await seats.CloseAsync(cohort.Id, cancellationToken);
        return new CancelledCohortDto(cohort.Id, now, cohort.CancellationReason!, active.Count);
    }
}
