using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Common;
using LectureHub.Domain.Courses;
using Mediator;

namespace LectureHub.Application.Courses.Queries;

/// <summary>
/// The signed-in instructor's courses in every state, newest first (keyset pages), each with what the console shows:
/// active enrolments, completions (certificates) and the completion rate, rating, questions nobody has answered, and
/// gross and net sales from the ledger.
/// </summary>
public sealed record ListMyCoursesQuery(string? Cursor = null, int Limit = 50) : IQuery<InstructorCoursePage>, IPagedQuery
{
    public static int MaxLimit => 200;
}

public sealed record InstructorCourseDto(
    Guid Id, string Title, CourseStatus Status, long PriceKrw, DateTimeOffset CreatedAt, DateTimeOffset? PublishedAt,
    int ActiveEnrollments, int Completions, double? CompletionRate, int RatingCount, double? Rating, int UnansweredQuestions, long GrossKrw, long NetKrw);

public sealed record InstructorCoursePage(IReadOnlyList<InstructorCourseDto> Items, string? NextCursor);

internal sealed class ListMyCoursesValidator : AbstractValidator<ListMyCoursesQuery>
{
    public ListMyCoursesValidator() => RuleFor(q => q.Cursor).ValidTimeKeyCursor();
}

internal sealed class ListMyCoursesHandler(IReadDb db, ICurrentUser currentUser) : IQueryHandler<ListMyCoursesQuery, InstructorCoursePage>
{
    // Active enrolments are the course's counter (kept with every enrolment and refund); the rest one index lookup per
    // course: certificates, unanswered questions, and ledger legs (from the index alone).
    private const string Sql = """
        SELECT c.id AS "Id", c.title AS "Title", c.status AS "Status", c.price_krw AS "PriceKrw", c.created_at AS "CreatedAt", c.published_at AS "PublishedAt",
               COALESCE(s.enrollment_count, 0) AS "ActiveEnrollments", cert.completions AS "Completions",
               CASE WHEN s.enrollment_count > 0 THEN round(cert.completions::numeric / s.enrollment_count, 4)::float8 END AS "CompletionRate",
               COALESCE(s.rating_count, 0) AS "RatingCount",
               CASE WHEN s.rating_count > 0 THEN round(s.rating_sum::numeric / s.rating_count, 2)::float8 END AS "Rating",
               q.unanswered AS "UnansweredQuestions", money.gross AS "GrossKrw", money.net AS "NetKrw"
        FROM courses c
        LEFT JOIN course_stats s ON s.course_id = c.id
        CROSS JOIN LATERAL (SELECT count(*)::int AS completions FROM certificates WHERE course_id = c.id) cert
        CROSS JOIN LATERAL (SELECT count(*)::int AS unanswered FROM questions qu
                            WHERE qu.course_id = c.id AND NOT EXISTS (SELECT 1 FROM answers a WHERE a.question_id = qu.id)) q
        CROSS JOIN LATERAL (SELECT COALESCE(SUM(amount_krw) FILTER (WHERE kind = 'Sale' AND account IN ('GatewayReceivable', 'GatewayFees')), 0)::bigint AS gross,
                                   COALESCE(-SUM(amount_krw) FILTER (WHERE account = 'InstructorPayable' AND kind <> 'Payout'), 0)::bigint AS net
                            FROM ledger_entries WHERE course_id = c.id) money
        WHERE c.instructor_id = @InstructorId
        """;

    public async ValueTask<InstructorCoursePage> Handle(ListMyCoursesQuery query, CancellationToken cancellationToken)
    {
        var (rows, next) = await TimeKeyset.PageAsync<InstructorCourseDto>(
            db, Sql, "c.created_at", "c.id", new() { ["InstructorId"] = currentUser.RequiredUserId }, query.Cursor, query.Limit, c => new(c.CreatedAt, c.Id), cancellationToken);
        return new InstructorCoursePage(rows, next);
    }
}
