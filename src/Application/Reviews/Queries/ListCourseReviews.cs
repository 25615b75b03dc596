using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Common;
using LectureHub.Application.Community;
using LectureHub.Application.Courses;
using Mediator;

namespace LectureHub.Application.Reviews.Queries;

public enum ReviewSort
{
    Newest,
    Helpful,
    HighestRating,
    LowestRating,
}

/// <summary>
/// A course's reviews, one keyset page at a time, optionally only from students who had watched at least half of it
/// when they wrote (verified progress, not the client's word). The first page carries the rating summary.
/// </summary>
public sealed record ListCourseReviewsQuery(Guid CourseId, ReviewSort Sort = ReviewSort.Newest, bool WatchedHalf = false, string? Cursor = null, int Limit = 20)
    : IQuery<ReviewPage>, IPagedQuery
{
    public static int MaxLimit => 50;

    /// <summary>What "watched at least half" means, in percent of the course's video.</summary>
    public const double HalfPercent = 50;
}

public sealed record ReviewPage(IReadOnlyList<ReviewDto> Items, string? NextCursor, RatingSummaryDto? Summary);

internal sealed class ListCourseReviewsValidator : AbstractValidator<ListCourseReviewsQuery>
{
    public ListCourseReviewsValidator()
    {
        RuleFor(q => q.Sort).IsInEnum();
        RuleFor(q => q.Cursor).Must((q, c) => c is null || ReviewCursor.TryDecode(c, q.Sort, out _))
            .WithMessage("The cursor is invalid or belongs to another sort order; start again without it.");
    }
}

internal sealed record ReviewCursor(ReviewSort Sort, long Number, DateTimeOffset Time, Guid Id)
{
    public static bool TryDecode(string text, ReviewSort sort, out ReviewCursor cursor) => OpaqueCursor.TryDecode(text, out cursor) && cursor.Sort == sort;
}

internal sealed class ListCourseReviewsHandler(IReadDb db, ICurrentUser currentUser) : IQueryHandler<ListCourseReviewsQuery, ReviewPage>
{
    internal const string Select = """
        SELECT r.id AS "Id", r.course_id AS "CourseId", u.id AS "ReviewerId", u.display_name AS "ReviewerName", r.rating AS "Rating",
               r.body AS "Body", r.progress_percent AS "ProgressPercent", r.created_at AS "CreatedAt", r.edited_at AS "EditedAt",
               r.reply AS "Reply", r.replied_at AS "RepliedAt", r.helpful_count AS "HelpfulCount",
               EXISTS (SELECT 1 FROM review_helpful_votes v WHERE v.review_id = r.id AND v.user_id = @UserId) AS "MarkedHelpfulByMe",
               coalesce(e.status = 'Refunded', false) AS "Refunded", {key} AS "KeyNumber"
        FROM course_reviews r
        JOIN users u ON u.id = r.student_id
        LEFT JOIN enrollments e ON e.course_id = r.course_id AND e.student_id = r.student_id
        """;

    private const string SummarySql = """
        SELECT rating AS "Rating", count(*)::int AS "Count" FROM course_reviews
        WHERE course_id = @CourseId AND counts_toward_rating GROUP BY rating
        """;

    public async ValueTask<ReviewPage> Handle(ListCourseReviewsQuery query, CancellationToken cancellationToken)
    {
        if (!await db.QuerySingleOrDefaultAsync<bool>("SELECT EXISTS (SELECT 1 FROM courses WHERE id = @CourseId)", new { query.CourseId }, cancellationToken))
        {
            throw CourseAccess.NotFound(query.CourseId);
        }

        var (key, order, keyset) = Ordering(query.Sort);
        var cursor = query.Cursor is { } text && ReviewCursor.TryDecode(text, query.Sort, out var decoded) ? decoded : null;
        var sql = Select.Replace("{key}", key, StringComparison.Ordinal) + " WHERE r.course_id = @CourseId" +
                  (query.WatchedHalf ? " AND r.progress_percent >= @Half" : "") + (cursor is null ? "" : " AND " + keyset) +
                  " ORDER BY " + order + " LIMIT @Take";
        var rows = await db.QueryAsync<ReviewRow>(sql, new
        {
            query.CourseId, currentUser.UserId, Half = ListCourseReviewsQuery.HalfPercent, Take = query.Limit + 1,
            KeyNumber = cursor?.Number, KeyTime = cursor?.Time, KeyId = cursor?.Id,
        }, cancellationToken);

        var last = rows.Count > query.Limit ? rows[query.Limit - 1] : null;
        var next = last is null ? null : OpaqueCursor.Encode(new ReviewCursor(query.Sort, last.KeyNumber, last.CreatedAt, last.Id));
        var summary = query.Cursor is null ? await SummaryAsync(query.CourseId, cancellationToken) : null;
        return new ReviewPage(rows.Take(query.Limit).Select(r => r.Dto).ToList(), next, summary);
    }

    private async Task<RatingSummaryDto> SummaryAsync(Guid courseId, CancellationToken ct)
    {
        var stars = (await db.QueryAsync<StarRow>(SummarySql, new { CourseId = courseId }, ct)).ToDictionary(s => s.Rating, s => s.Count);
        var count = stars.Values.Sum();
        return new RatingSummaryDto(count, count == 0 ? null : Math.Round((double)stars.Sum(s => s.Key * s.Value) / count, 2),
            Enumerable.Range(1, 5).ToDictionary(star => star, star => stars.GetValueOrDefault(star)));
    }

    /// <summary>Each order is an index walk within the course: (course, created_at, id), (course, helpful_count, id), (course, rating, id).</summary>
    private static (string Key, string Order, string Keyset) Ordering(ReviewSort sort) => sort switch
    {
        ReviewSort.Helpful => ("r.helpful_count::int8", "r.helpful_count DESC, r.id DESC", "(r.helpful_count, r.id) < (@KeyNumber::int, @KeyId)"),
        ReviewSort.HighestRating => ("r.rating::int8", "r.rating DESC, r.id DESC", "(r.rating, r.id) < (@KeyNumber::int, @KeyId)"),
        ReviewSort.LowestRating => ("r.rating::int8", "r.rating ASC, r.id ASC", "(r.rating, r.id) > (@KeyNumber::int, @KeyId)"),
        _ => ("0::int8", "r.created_at DESC, r.id DESC", "(r.created_at, r.id) < (@KeyTime, @KeyId)"),
    };

    private sealed record StarRow(int Rating, int Count);
}

internal sealed record ReviewRow(
    Guid Id, Guid CourseId, Guid ReviewerId, string ReviewerName, int Rating, string Body, double ProgressPercent, DateTimeOffset CreatedAt,
    DateTimeOffset? EditedAt, string? Reply, DateTimeOffset? RepliedAt, int HelpfulCount, bool MarkedHelpfulByMe, bool Refunded, long KeyNumber)
{
    public ReviewDto Dto => new(Id, CourseId, new AuthorDto(ReviewerId, ReviewerName), Rating, Body, ProgressPercent, CreatedAt, EditedAt, Reply, RepliedAt,
        HelpfulCount, MarkedHelpfulByMe, Refunded);
}
