using LectureHub.Application.Abstractions;
using LectureHub.Domain.Courses;
using Mediator;

namespace LectureHub.Application.Courses.Commands;

public sealed record LikeCourseCommand(Guid CourseId) : ICommand<LikeStateDto>;

public sealed record UnlikeCourseCommand(Guid CourseId) : ICommand<LikeStateDto>;

internal sealed class LikeCourseHandler(IRepository<Course> courses, ICourseStats likes, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<LikeCourseCommand, LikeStateDto>
{
    public async ValueTask<LikeStateDto> Handle(LikeCourseCommand command, CancellationToken cancellationToken)
    {
        if (!await courses.AnyAsync(new PublishedCourseSpec(command.CourseId), cancellationToken))
        {
            throw CourseAccess.NotFound(command.CourseId);
        }

        var count = await likes.LikeAsync(currentUser.RequiredUserId, command.CourseId, clock.GetUtcNow(), cancellationToken);
        return new LikeStateDto(command.CourseId, Liked: true, count);
    }
}

/// <summary>Unliking works on any course the user liked, even one archived since.</summary>
internal sealed class UnlikeCourseHandler(ICourseStats likes, ICurrentUser currentUser) : ICommandHandler<UnlikeCourseCommand, LikeStateDto>
{
    public async ValueTask<LikeStateDto> Handle(UnlikeCourseCommand command, CancellationToken cancellationToken)
    {
        var count = await likes.UnlikeAsync(currentUser.RequiredUserId, command.CourseId, cancellationToken);
        return new LikeStateDto(command.CourseId, Liked: false, count);
    }
}
