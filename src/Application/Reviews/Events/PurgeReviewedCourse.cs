using LectureHub.Application.Abstractions;
using LectureHub.Application.Courses;
using LectureHub.Domain.Reviews;

namespace LectureHub.Application.Reviews.Events;

/// <summary>The course page shows the rating: a review's change purges it.</summary>
internal sealed class PurgeReviewedCourse(ICache cache) : IDomainEventHandler<ReviewChanged>
{
    public Task HandleAsync(ReviewChanged domainEvent, CancellationToken cancellationToken) =>
        cache.RemoveAsync(CourseCache.Page(domainEvent.CourseId), cancellationToken);
}
