using LectureHub.Application.Abstractions;
using LectureHub.Domain.Courses;

namespace LectureHub.Application.Courses.Events;

internal sealed class PurgeCourseCache(ICache cache) : IDomainEventHandler<CourseChanged>
{
    public Task HandleAsync(CourseChanged domainEvent, CancellationToken cancellationToken) =>
        CourseCache.PurgeAsync(cache, domainEvent, cancellationToken);
}
