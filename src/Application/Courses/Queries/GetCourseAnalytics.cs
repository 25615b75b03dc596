using LectureHub.Application.Abstractions;
using LectureHub.Application.Learning;
using Mediator;

namespace LectureHub.Application.Courses.Queries;

/// <summary>
/// For a course's instructor (or an Admin), from the verified coverage: how far the active students got (in tenths, and
/// those who covered everything), and per lecture how many started and completed it and where inside it viewers stop
/// (the audience at each twentieth of its length, and the twentieth where the most are lost).
/// </summary>
public sealed record GetCourseAnalyticsQuery(Guid CourseId) : IQuery<CourseAnalyticsDto>;

public sealed record CourseAnalyticsDto(Guid CourseId, int ActiveStudents, IReadOnlyList<ProgressBucketDto> ProgressDistribution, IReadOnlyList<LectureDropOffDto> Lectures);

/// <summary>Students whose verified progress is at least <see cref="FromPercent"/> and below <see cref="ToPercent"/> (100–100: all of it).</summary>
public sealed record ProgressBucketDto(int FromPercent, int ToPercent, int Students);

/// <summary>
/// <see cref="Retention"/>: how many viewers covered the middle of each twentieth of the lecture (5 % steps).
/// <see cref="SteepestDropAtPercent"/>: where (the start of the twentieth, in %) the most viewers were lost, from
/// those who started; null when nobody is lost.
/// </summary>
public sealed record LectureDropOffDto(
    Guid LectureId, string Title, int SectionPosition, int Position, int DurationMs, int Started, int Completed, IReadOnlyList<int> Retention, int? SteepestDropAtPercent);

internal sealed class GetCourseAnalyticsHandler(IReadDb db, ICurrentUser currentUser) : IQueryHandler<GetCourseAnalyticsQuery, CourseAnalyticsDto>
{
    public const int Segments = 20;

    private const string DistributionSql = $"""
        SELECT CASE WHEN t.duration > 0 AND t.covered >= t.duration THEN 10 ELSE least(floor(CASE WHEN t.duration > 0 THEN t.covered * 10.0 / t.duration ELSE 0 END), 9) END::int AS "Bucket",
               count(*)::int AS "Students"
        FROM (SELECT {ProgressSql.CoveredMs} AS covered, {ProgressSql.DurationMs} AS duration FROM enrollments e WHERE e.course_id = @CourseId AND e.status = 'Active') t
        GROUP BY 1
        """;

    private const string LecturesSql = """
        SELECT l.id AS "LectureId", l.title AS "Title", s.position AS "SectionPosition", l.position AS "Position", d.duration_ms AS "DurationMs",
               count(p.student_id)::int AS "Started", count(p.completed_at)::int AS "Completed"
        FROM lectures l
        JOIN sections s ON s.id = l.section_id
        JOIN lecture_durations d ON d.lecture_id = l.id
        LEFT JOIN lecture_progress p ON p.lecture_id = l.id AND p.covered_ms > 0
        WHERE s.course_id = @CourseId
        GROUP BY l.id, l.title, s.position, l.position, d.duration_ms
        ORDER BY s.position, l.position
        """;

    // One containment test per (viewer, twentieth): the watched multirange holds the twentieth's middle millisecond.
    private const string RetentionSql = """
        SELECT p.lecture_id AS "LectureId", b AS "Segment", count(*)::int AS "Viewers"
        FROM lecture_durations d
        JOIN lecture_progress p ON p.lecture_id = d.lecture_id
        CROSS JOIN generate_series(0, 19) b
        WHERE d.course_id = @CourseId AND d.duration_ms > 0 AND p.watched @> ((d.duration_ms::bigint * (2 * b + 1)) / 40)::int
        GROUP BY p.lecture_id, b
        """;

    public async ValueTask<CourseAnalyticsDto> Handle(GetCourseAnalyticsQuery query, CancellationToken cancellationToken)
    {
        await db.EnsureOwnCourseAsync(currentUser, query.CourseId, cancellationToken);
        var args = new { query.CourseId };
        var buckets = (await db.QueryAsync<BucketRow>(DistributionSql, args, cancellationToken)).ToDictionary(b => b.Bucket, b => b.Students);
        var lectures = await db.QueryAsync<LectureRow>(LecturesSql, args, cancellationToken);
        var retention = (await db.QueryAsync<RetentionRow>(RetentionSql, args, cancellationToken)).ToLookup(r => r.LectureId);
        var distribution = Enumerable.Range(0, 11)
            .Select(b => new ProgressBucketDto(b * 10, b == 10 ? 100 : (b * 10) + 10, buckets.GetValueOrDefault(b))).ToList();
        return new CourseAnalyticsDto(query.CourseId, distribution.Sum(b => b.Students), distribution, lectures.Select(l =>
        {
            var viewers = retention[l.LectureId].ToDictionary(r => r.Segment, r => r.Viewers);
            var curve = Enumerable.Range(0, Segments).Select(b => viewers.GetValueOrDefault(b)).ToList();
            return new LectureDropOffDto(l.LectureId, l.Title, l.SectionPosition, l.Position, l.DurationMs, l.Started, l.Completed, curve, SteepestDrop(l.Started, curve));
        }).ToList());
    }

    /// <summary>The twentieth (as the % where it starts) that loses the most viewers, counting from those who started.</summary>
    internal static int? SteepestDrop(int started, IReadOnlyList<int> curve)
    {
        var (at, lost) = (0, 0);
        for (var b = 0; b < curve.Count; b++)
        {
            var drop = (b == 0 ? started : curve[b - 1]) - curve[b];
            if (drop > lost)
            {
                (at, lost) = (b, drop);
            }
        }

        return lost > 0 ? at * (100 / Segments) : null;
    }

    private sealed record BucketRow(int Bucket, int Students);

    private sealed record LectureRow(Guid LectureId, string Title, int SectionPosition, int Position, int DurationMs, int Started, int Completed);

    private sealed record RetentionRow(Guid LectureId, int Segment, int Viewers);
}
