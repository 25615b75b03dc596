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

    // Each active student's verified progress (as ProgressSql counts it): their coverage summed over the course's
    // lectures in one pass over its progress rows, against the course's length.
    private const string DistributionSql = """
        WITH d AS (SELECT lecture_id, duration_ms FROM lecture_durations WHERE course_id = @CourseId),
        total AS (SELECT COALESCE(sum(duration_ms), 0)::bigint AS ms FROM d),
        covered AS (SELECT p.student_id, sum(least(p.covered_ms, d.duration_ms))::bigint AS ms
                    FROM d JOIN lecture_progress p ON p.lecture_id = d.lecture_id GROUP BY p.student_id)
        SELECT CASE WHEN t.ms > 0 AND COALESCE(c.ms, 0) >= t.ms THEN 10 ELSE least(floor(CASE WHEN t.ms > 0 THEN COALESCE(c.ms, 0) * 10.0 / t.ms ELSE 0 END), 9) END::int AS "Bucket",
               count(*)::int AS "Students"
        FROM enrollments e CROSS JOIN total t LEFT JOIN covered c ON c.student_id = e.student_id
        WHERE e.course_id = @CourseId AND e.status = 'Active'
        GROUP BY 1
        """;

    // Counted per lecture from its progress rows (an aggregate each, no sort of them all).
    private const string LecturesSql = """
        SELECT l.id AS "LectureId", l.title AS "Title", s.position AS "SectionPosition", l.position AS "Position", d.duration_ms AS "DurationMs",
               n.started AS "Started", n.completed AS "Completed"
        FROM lectures l
        JOIN sections s ON s.id = l.section_id
        JOIN lecture_durations d ON d.lecture_id = l.id
        CROSS JOIN LATERAL (SELECT count(*) FILTER (WHERE p.covered_ms > 0)::int AS started, count(p.completed_at) FILTER (WHERE p.covered_ms > 0)::int AS completed
                            FROM lecture_progress p WHERE p.lecture_id = l.id) n
        WHERE s.course_id = @CourseId
        ORDER BY s.position, l.position
        """;

    // Not a containment test per (viewer, twentieth): each watched span [lo, hi) of a lecture of D ms holds the
    // middles floor(D(2b+1)/40) of the twentieths b from ceil((40 lo - D) / 2D) up to, not including, the same of hi
    // (in integers: (40 lo + D - 1) / 2D, at least 0 and at most 20). Spans are counted per (first, past) pair, a few
    // hundred at most, and the handler adds each pair's viewers to its twentieths (one viewer's spans never overlap).
    private const string RetentionSql = """
        SELECT w.lecture_id AS "LectureId", least(20, greatest(0, (40 * lower(w.span) + w.ms - 1) / (2 * w.ms)))::int AS "First",
               least(20, greatest(0, (40 * upper(w.span) + w.ms - 1) / (2 * w.ms)))::int AS "Past", count(*)::int AS "Viewers"
        FROM (SELECT p.lecture_id, d.duration_ms::bigint AS ms, unnest(p.watched) AS span
              FROM lecture_durations d JOIN lecture_progress p ON p.lecture_id = d.lecture_id
              WHERE d.course_id = @CourseId AND d.duration_ms > 0) w
        GROUP BY 1, 2, 3
        """;

    public async ValueTask<CourseAnalyticsDto> Handle(GetCourseAnalyticsQuery query, CancellationToken cancellationToken)
    {
        await db.EnsureOwnCourseAsync(currentUser, query.CourseId, cancellationToken);
        var args = new { query.CourseId };

        // Three reads on three connections at once: the console waits for the slowest, not for their sum.
        var bucketsRead = db.QueryAsync<BucketRow>(DistributionSql, args, cancellationToken);
        var lecturesRead = db.QueryAsync<LectureRow>(LecturesSql, args, cancellationToken);
        var retentionRead = db.QueryAsync<RetentionRow>(RetentionSql, args, cancellationToken);
        await Task.WhenAll(bucketsRead, lecturesRead, retentionRead);
        var buckets = (await bucketsRead).ToDictionary(b => b.Bucket, b => b.Students);
        var lectures = await lecturesRead;
        var retention = (await retentionRead).ToLookup(r => r.LectureId);
        var distribution = Enumerable.Range(0, 11)
            .Select(b => new ProgressBucketDto(b * 10, b == 10 ? 100 : (b * 10) + 10, buckets.GetValueOrDefault(b))).ToList();
        return new CourseAnalyticsDto(query.CourseId, distribution.Sum(b => b.Students), distribution, lectures.Select(l =>
        {
            var curve = new int[Segments];
            foreach (var spans in retention[l.LectureId])
            {
                for (var b = spans.First; b < spans.Past; b++)
                {
                    curve[b] += spans.Viewers;
                }
            }

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

    private sealed record RetentionRow(Guid LectureId, int First, int Past, int Viewers);
}
