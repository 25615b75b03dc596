namespace LectureHub.Infrastructure.Courses;

/// <summary>One like: the row is the truth, the counter in <see cref="CourseStatsRow"/> follows it.</summary>
public sealed class CourseLikeRow
{
    public Guid UserId { get; init; }

    public Guid CourseId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
