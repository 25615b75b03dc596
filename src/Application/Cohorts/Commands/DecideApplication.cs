using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Domain.Cohorts;
using Mediator;

namespace LectureHub.Application.Cohorts.Commands;

/// <summary>The owner or an Admin approves a reviewed application (a seat must be free) or rejects it with a reason.</summary>
public sealed record ApproveApplicationCommand(Guid CohortId, Guid ApplicationId) : ICommand<ApplicationDto>;

public sealed record RejectApplicationCommand(Guid CohortId, Guid ApplicationId, string Reason) : ICommand<ApplicationDto>;

internal sealed class RejectApplicationValidator : AbstractValidator<RejectApplicationCommand>
{
    public RejectApplicationValidator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(CohortApplication.MaxReasonLength);
}

internal sealed class ApproveApplicationHandler(
    IRepository<Cohort> cohorts, IRepository<CohortApplication> applications, ICohortSeats seats, CohortPayments payments, ICurrentUser currentUser,
    TimeProvider clock)
    : ICommandHandler<ApproveApplicationCommand, ApplicationDto>
{
    public async ValueTask<ApplicationDto> Handle(ApproveApplicationCommand command, CancellationToken cancellationToken)
    {
        var cohort = await cohorts.LoadAsync(command.CohortId, cancellationToken);
        currentUser.EnsureCanManage(cohort.OwnerId);
        await seats.LockApplicationAsync(command.ApplicationId, cancellationToken);
        var application = await applications.LoadAsync(cohort.Id, command.ApplicationId, cancellationToken);
        var now = clock.GetUtcNow();
        application.Approve(now, cohort.PaymentDueFor(now, payments.Window));
        _ = await seats.ClaimAsync(cohort.Id, application.StudentId, orWaitlist: false, cancellationToken)
            ?? throw new ConflictException("COHORT_FULL", "Every seat is taken; cancel or reject another application first.");
        return ApplicationDto.From(application);
    }
}

internal sealed class RejectApplicationHandler(
    IRepository<Cohort> cohorts, IRepository<CohortApplication> applications, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RejectApplicationCommand, ApplicationDto>
{
    public async ValueTask<ApplicationDto> Handle(RejectApplicationCommand command, CancellationToken cancellationToken)
    {
        var cohort = await cohorts.LoadAsync(command.CohortId, cancellationToken);
        currentUser.EnsureCanManage(cohort.OwnerId);
        var application = await applications.LoadAsync(cohort.Id, command.ApplicationId, cancellationToken);
        application.Reject(command.Reason, clock.GetUtcNow());
        return ApplicationDto.From(application);
    }
}
