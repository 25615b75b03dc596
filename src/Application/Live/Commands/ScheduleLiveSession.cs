using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Cohorts;
using LectureHub.Application.Courses;
using LectureHub.Domain.Cohorts;
using LectureHub.Domain.Common;
using LectureHub.Domain.Courses;
using LectureHub.Domain.Live;
using Mediator;

namespace LectureHub.Application.Live.Commands;

/// <summary>
/// Schedules a live session of a course (its instructor or an Admin) or of a cohort (its owner or an Admin); the host
/// is the course's instructor or the cohort's owner, whoever schedules it.
/// </summary>
public sealed record ScheduleLiveSessionCommand(
    Guid? CourseId, Guid? CohortId, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, IReadOnlyList<Guid>? AssistantIds = null)
    : ICommand<LiveSessionDto>, ILiveSessionFields;

internal sealed class ScheduleLiveSessionValidator : AbstractValidator<ScheduleLiveSessionCommand>
{
    public ScheduleLiveSessionValidator()
    {
        Include(new LiveSessionFieldsValidator());
        RuleFor(c => c.CourseId).NotNull().When(c => c.CohortId is null).WithMessage("Give courseId or cohortId.");
        RuleFor(c => c.CohortId).Null().When(c => c.CourseId is not null).WithMessage("Give courseId or cohortId, not both.");
    }
}

internal sealed class ScheduleLiveSessionHandler(
    IRepository<LiveSession> sessions, IRepository<Course> courses, IRepository<Cohort> cohorts, IReadDb db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<ScheduleLiveSessionCommand, LiveSessionDto>
{
    public async ValueTask<LiveSessionDto> Handle(ScheduleLiveSessionCommand command, CancellationToken cancellationToken)
    {
        Guid hostId;
        if (command.CourseId is { } courseId)
        {
            hostId = (await courses.LoadForEditAsync(currentUser, courseId, cancellationToken)).InstructorId;
        }
        else
        {
            var cohort = await cohorts.LoadAsync(command.CohortId!.Value, cancellationToken);
            currentUser.EnsureCanManage(cohort.OwnerId);
            if (cohort.CancelledAt is not null)
            {
                throw new DomainException("COHORT_CANCELLED", "The cohort was cancelled; it takes no new sessions.");
            }

            hostId = cohort.OwnerId;
        }

        var assistants = await db.CheckedAsync(command.AssistantIds, cancellationToken);
        var session = LiveSession.Schedule(hostId, command.CourseId, command.CohortId, command.Title, command.StartsAt, command.EndsAt, assistants.ToList(), clock.GetUtcNow());
        await sessions.AddAsync(session, cancellationToken);
        return LiveSessionDto.From(session, await db.RoleOfAsync(currentUser, session.Parties(), cancellationToken));
    }
}
