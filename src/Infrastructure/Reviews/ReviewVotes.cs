using LectureHub.Application.Reviews;
using LectureHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LectureHub.Infrastructure.Reviews;

/// <summary>Helpful votes and their counter in single statements, inside the command's transaction (as course likes).</summary>
internal sealed class ReviewVotes(AppDbContext db) : IReviewVotes
{
    public Task<int> MarkHelpfulAsync(Guid reviewId, Guid userId, DateTimeOffset now, CancellationToken cancellationToken) =>
        SingleAsync(db.Database.SqlQuery<int>($"""
            WITH inserted AS (
                INSERT INTO review_helpful_votes (review_id, user_id, created_at) VALUES ({reviewId}, {userId}, {now})
                ON CONFLICT DO NOTHING RETURNING review_id),
            counted AS (
                UPDATE course_reviews SET helpful_count = helpful_count + 1 WHERE id IN (SELECT review_id FROM inserted)
                RETURNING helpful_count)
            SELECT helpful_count AS "Value" FROM counted
            UNION ALL
            SELECT coalesce((SELECT helpful_count FROM course_reviews WHERE id = {reviewId}), 0) WHERE NOT EXISTS (SELECT 1 FROM inserted)
            """), cancellationToken);

    public Task<int> UnmarkHelpfulAsync(Guid reviewId, Guid userId, CancellationToken cancellationToken) =>
        SingleAsync(db.Database.SqlQuery<int>($"""
            WITH deleted AS (
                DELETE FROM review_helpful_votes WHERE review_id = {reviewId} AND user_id = {userId} RETURNING review_id),
            counted AS (
                UPDATE course_reviews SET helpful_count = helpful_count - 1 WHERE id IN (SELECT review_id FROM deleted)
                RETURNING helpful_count)
            SELECT helpful_count AS "Value" FROM counted
            UNION ALL
            SELECT coalesce((SELECT helpful_count FROM course_reviews WHERE id = {reviewId}), 0) WHERE NOT EXISTS (SELECT 1 FROM deleted)
            """), cancellationToken);

    /// <summary>Not LINQ's SingleAsync: composing would wrap the data-modifying CTE in a subquery, which PostgreSQL refuses.</summary>
    private static async Task<int> SingleAsync(IQueryable<int> query, CancellationToken ct) => (await query.ToListAsync(ct)).Single();
}
