namespace LectureHub.Infrastructure.Courses;

/// <summary>
/// Counters shown on course pages, kept apart from the course row so that likes and enrolments never collide with an
/// instructor's edit (the course row carries the optimistic concurrency token).
/// </summary>
public sealed class CourseStatsRow
{
    public Guid CourseId { get; init; }

    public int LikeCount { get; init; }

    public int EnrollmentCount { get; init; }

    public int RatingCount { get; init; }

    public int RatingSum { get; init; }
}
