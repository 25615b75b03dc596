using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Common;
using LectureHub.Application.Community;
using LectureHub.Application.Courses;
using Mediator;

namespace LectureHub.Application.Questions.Queries;

/// <summary>A course's questions, newest first, optionally about one lecture or only those nobody has answered yet.</summary>
public sealed record ListCourseQuestionsQuery(Guid CourseId, Guid? LectureId = null, bool Unanswered = false, string? Cursor = null, int Limit = 20)
    : IQuery<QuestionPage>, IPagedQuery
{
    public static int MaxLimit => 50;
}

internal sealed class ListCourseQuestionsValidator : AbstractValidator<ListCourseQuestionsQuery>
{
    public ListCourseQuestionsValidator() =>
        RuleFor(q => q.Cursor).Must(c => c is null || OpaqueCursor.TryDecode<QuestionCursor>(c, out _)).WithMessage("The cursor is invalid; start again without it.");
}

internal sealed record QuestionCursor(DateTimeOffset Time, Guid Id);

internal sealed class ListCourseQuestionsHandler(IReadDb db) : IQueryHandler<ListCourseQuestionsQuery, QuestionPage>
{
    public async ValueTask<QuestionPage> Handle(ListCourseQuestionsQuery query, CancellationToken cancellationToken)
    {
        if (!await db.QuerySingleOrDefaultAsync<bool>("SELECT EXISTS (SELECT 1 FROM courses WHERE id = @CourseId)", new { query.CourseId }, cancellationToken))
        {
            throw CourseAccess.NotFound(query.CourseId);
        }

        var filter = "q.course_id = @CourseId" + (query.LectureId is null ? "" : " AND q.lecture_id = @LectureId");
        return await QuestionCards.PageAsync(db, filter, query.Unanswered, query.Cursor, query.Limit,
            new Dictionary<string, object?> { ["CourseId"] = query.CourseId, ["LectureId"] = query.LectureId }, cancellationToken);
    }
}

/// <summary>The question list both the course page and the instructor's queue show, one keyset page at a time.</summary>
internal static class QuestionCards
{
    private const string Sql = """
        SELECT q.id AS "Id", q.course_id AS "CourseId", c.title AS "CourseTitle", q.lecture_id AS "LectureId", q.at_seconds AS "AtSeconds",
               q.title AS "Title", u.id AS "AuthorId", u.display_name AS "AuthorName", q.created_at AS "CreatedAt",
               (SELECT count(*) FROM answers a WHERE a.question_id = q.id)::int AS "AnswerCount", q.accepted_answer_id IS NOT NULL AS "HasAcceptedAnswer"
        FROM questions q
        JOIN courses c ON c.id = q.course_id
        JOIN users u ON u.id = q.author_id
        """;

    public static async Task<QuestionPage> PageAsync(
        IReadDb db, string filter, bool unanswered, string? cursorText, int limit, Dictionary<string, object?> args, CancellationToken ct)
    {
        var cursor = cursorText is not null && OpaqueCursor.TryDecode<QuestionCursor>(cursorText, out var decoded) ? decoded : null;
        var sql = Sql + " WHERE " + filter + (unanswered ? " AND NOT EXISTS (SELECT 1 FROM answers a WHERE a.question_id = q.id)" : "") +
                  (cursor is null ? "" : " AND (q.created_at, q.id) < (@KeyTime, @KeyId)") + " ORDER BY q.created_at DESC, q.id DESC LIMIT @Take";
        args["KeyTime"] = cursor?.Time;
        args["KeyId"] = cursor?.Id;
        args["Take"] = limit + 1;
        var rows = await db.QueryAsync<CardRow>(sql, args, ct);
        var next = rows.Count > limit ? OpaqueCursor.Encode(new QuestionCursor(rows[limit - 1].CreatedAt, rows[limit - 1].Id)) : null;
        return new QuestionPage(rows.Take(limit).Select(r => r.Card).ToList(), next);
    }

    private sealed record CardRow(
        Guid Id, Guid CourseId, string CourseTitle, Guid? LectureId, int? AtSeconds, string Title, Guid AuthorId, string AuthorName, DateTimeOffset CreatedAt,
        int AnswerCount, bool HasAcceptedAnswer)
    {
        public QuestionCardDto Card => new(Id, CourseId, CourseTitle, LectureId, AtSeconds, Title, new AuthorDto(AuthorId, AuthorName), CreatedAt, AnswerCount,
            HasAcceptedAnswer);
    }
}
