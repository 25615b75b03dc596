using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Domain.Learning;
using Mediator;

namespace LectureHub.Application.Learning.Queries;

/// <summary>
/// The signed-in student's progress in a course they are (or were) enrolled in. Read on the primary: the flush that
/// wrote it is a second old at most, and a student switching devices must find where they stopped, not where a
/// replica thinks they stopped.
/// </summary>
public sealed record GetCourseProgressQuery(Guid CourseId) : IQuery<CourseProgressDto>;

internal sealed class GetCourseProgressHandler(IReadDb db, ICurrentUser currentUser) : IQueryHandler<GetCourseProgressQuery, CourseProgressDto>
{
    private const string CourseSql = """
        SELECT c.title AS "Title",
               EXISTS (SELECT 1 FROM enrollments e WHERE e.course_id = c.id AND e.student_id = @StudentId) AS "Enrolled",
               (SELECT x.code FROM certificates x WHERE x.course_id = c.id AND x.student_id = @StudentId) AS "CertificateCode"
        FROM courses c
        WHERE c.id = @CourseId
        """;

    private const string LecturesSql = """
        SELECT d.lecture_id AS "LectureId", l.title AS "Title", d.duration_ms AS "DurationMs",
               LEAST(COALESCE(p.covered_ms, 0), d.duration_ms) AS "CoveredMs", p.completed_at IS NOT NULL AS "Completed",
               p.position_ms AS "PositionMs", p.position_at AS "PositionAt"
        FROM lecture_durations d
        JOIN lectures l ON l.id = d.lecture_id
        JOIN sections s ON s.id = l.section_id
        LEFT JOIN lecture_progress p ON p.lecture_id = d.lecture_id AND p.student_id = @StudentId
        WHERE d.course_id = @CourseId
        ORDER BY s.position, l.position
        """;

    public async ValueTask<CourseProgressDto> Handle(GetCourseProgressQuery query, CancellationToken cancellationToken)
    {
        var student = currentUser.UserId ?? throw new UnauthorizedException("SIGN_IN_REQUIRED", "Sign in to see your progress.");
        var parameters = new { query.CourseId, StudentId = student };
        var course = await db.Primary.QuerySingleOrDefaultAsync<CourseRow>(CourseSql, parameters, cancellationToken)
                     ?? throw new NotFoundException("COURSE_NOT_FOUND", $"Course {query.CourseId} does not exist.");
        if (!course.Enrolled)
        {
            throw new ForbiddenException("ENROLLMENT_REQUIRED", "Progress is kept for enrolled students; enrol in the course first.");
        }

        var lectures = await db.Primary.QueryAsync<LectureRow>(LecturesSql, parameters, cancellationToken);
        var covered = lectures.Sum(l => (long)l.CoveredMs);
        var duration = lectures.Sum(l => (long)l.DurationMs);
        var timed = lectures.Where(l => l.DurationMs > 0).ToList();
        var resume = lectures.Where(l => l.PositionAt is not null).MaxBy(l => l.PositionAt);
        return new CourseProgressDto(
            query.CourseId, course.Title, WatchRules.Percent(covered, duration), covered / 1000.0, duration / 1000.0,
            timed.Count(l => l.Completed), timed.Count, timed.Count > 0 && timed.All(l => l.Completed), course.CertificateCode,
            resume is null ? null : new ResumePoint(resume.LectureId, resume.PositionMs!.Value / 1000.0, resume.PositionAt!.Value),
            lectures.Select(l => new LectureProgressDto(l.LectureId, l.Title, l.DurationMs / 1000.0, l.CoveredMs / 1000.0,
                WatchRules.Percent(l.CoveredMs, l.DurationMs), l.Completed, l.PositionMs / 1000.0)).ToList());
    }

    private sealed record CourseRow(string Title, bool Enrolled, string? CertificateCode);

    private sealed record LectureRow(Guid LectureId, string Title, int DurationMs, int CoveredMs, bool Completed, int? PositionMs, DateTimeOffset? PositionAt);
}
