using LectureHub.Application.Abstractions;
using LectureHub.Domain.Courses;
using Mediator;

namespace LectureHub.Application.Courses.Commands;

/// <summary>Publishes a draft (it needs at least one lecture). Publishing a published course changes nothing.</summary>
public sealed record PublishCourseCommand(Guid CourseId) : ICommand<CourseDraftDto>;

/// <summary>Takes a published course off the catalog; enrolled students keep access.</summary>
public sealed record ArchiveCourseCommand(Guid CourseId) : ICommand<CourseDraftDto>;

internal sealed class PublishCourseHandler(IRepository<Course> courses, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<PublishCourseCommand, CourseDraftDto>
{
    public async ValueTask<CourseDraftDto> Handle(PublishCourseCommand command, CancellationToken cancellationToken)
    {
        var course = await courses.LoadForEditAsync(currentUser, command.CourseId, cancellationToken);
        course.Publish(clock.GetUtcNow());
        return CourseDraftDto.From(course);
    }
}

internal sealed class ArchiveCourseHandler(IRepository<Course> courses, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<ArchiveCourseCommand, CourseDraftDto>
{
    public async ValueTask<CourseDraftDto> Handle(ArchiveCourseCommand command, CancellationToken cancellationToken)
    {
        var course = await courses.LoadForEditAsync(currentUser, command.CourseId, cancellationToken);
        course.Archive(clock.GetUtcNow());
        return CourseDraftDto.From(course);
    }
}
