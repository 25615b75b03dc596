using LectureHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LectureHub.Infrastructure.Courses;

/// <summary>Likes and their counter in single statements, inside the command's transaction.</summary>
internal sealed class CourseStats(AppDbContext db) : Application.Courses.ICourseStats
{
    public void Start(Guid courseId) => db.CourseStats.Add(new CourseStatsRow { CourseId = courseId });

    public Task<int> LikeAsync(Guid userId, Guid courseId, DateTimeOffset now, CancellationToken cancellationToken) =>
        SingleAsync(db.Database.SqlQuery<int>($"""
            WITH inserted AS (
                INSERT INTO course_likes (user_id, course_id, created_at) VALUES ({userId}, {courseId}, {now})
                ON CONFLICT DO NOTHING
                RETURNING course_id),
            counted AS (
                INSERT INTO course_stats (course_id, like_count, enrollment_count, rating_count, rating_sum)
                SELECT course_id, 1, 0, 0, 0 FROM inserted
                ON CONFLICT (course_id) DO UPDATE SET like_count = course_stats.like_count + 1
                RETURNING like_count)
            SELECT like_count AS "Value" FROM counted
            UNION ALL
            SELECT coalesce((SELECT like_count FROM course_stats WHERE course_id = {courseId}), 0) WHERE NOT EXISTS (SELECT 1 FROM inserted)
            """), cancellationToken);

    public Task<int> UnlikeAsync(Guid userId, Guid courseId, CancellationToken cancellationToken) =>
        SingleAsync(db.Database.SqlQuery<int>($"""
            WITH deleted AS (
                DELETE FROM course_likes WHERE user_id = {userId} AND course_id = {courseId}
                RETURNING course_id),
            counted AS (
                UPDATE course_stats SET like_count = like_count - 1
                WHERE course_id IN (SELECT course_id FROM deleted)
                RETURNING like_count)
            SELECT like_count AS "Value" FROM counted
            UNION ALL
            SELECT coalesce((SELECT like_count FROM course_stats WHERE course_id = {courseId}), 0) WHERE NOT EXISTS (SELECT 1 FROM deleted)
            """), cancellationToken);

    /// <summary>
    /// One statement: the student's review (if any) leaves or rejoins the average, its revision moves (so an edit that
    /// loaded it before cannot move the sum from a stale start), and the counters follow.
    /// </summary>
    public Task CountEnrollmentAsync(Guid courseId, Guid studentId, int delta, CancellationToken cancellationToken)
    {
        var counts = delta > 0;
        return db.Database.ExecuteSqlAsync($"""
            WITH review AS (
                UPDATE course_reviews SET counts_toward_rating = {counts}, revision = revision + 1
                WHERE course_id = {courseId} AND student_id = {studentId} AND counts_toward_rating <> {counts}
                RETURNING rating)
            UPDATE course_stats
            SET enrollment_count = enrollment_count + {delta},
                rating_count = rating_count + sign({delta}) * (SELECT count(*) FROM review),
                rating_sum = rating_sum + sign({delta}) * coalesce((SELECT sum(rating) FROM review), 0)
            WHERE course_id = {courseId}
            """, cancellationToken);
    }

    public Task RateAsync(Guid courseId, int countDelta, int sumDelta, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"UPDATE course_stats SET rating_count = rating_count + {countDelta}, rating_sum = rating_sum + {sumDelta} WHERE course_id = {courseId}",
            cancellationToken);

    /// <summary>Not LINQ's SingleAsync: composing would wrap the data-modifying CTE in a subquery, which PostgreSQL refuses.</summary>
    private static async Task<int> SingleAsync(IQueryable<int> query, CancellationToken ct) => (await query.ToListAsync(ct)).Single();
}
