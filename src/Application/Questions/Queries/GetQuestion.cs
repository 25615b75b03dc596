using LectureHub.Application.Abstractions;
using LectureHub.Application.Community;
using Mediator;

namespace LectureHub.Application.Questions.Queries;

/// <summary>A question with its lecture and every answer, the accepted one first.</summary>
/// <summary>A question with more than 200 answers shows the accepted one and the oldest others.</summary>
public sealed record GetQuestionQuery(Guid QuestionId) : IQuery<QuestionDto>;

internal sealed class GetQuestionHandler(IReadDb db) : IQueryHandler<GetQuestionQuery, QuestionDto>
{
    private const string QuestionSql = """
        SELECT q.id AS "Id", q.course_id AS "CourseId", c.title AS "CourseTitle", q.lecture_id AS "LectureId", l.title AS "LectureTitle",
               q.at_seconds AS "AtSeconds", q.title AS "Title", q.body_markdown AS "BodyMarkdown", q.body_html AS "BodyHtml",
               u.id AS "AuthorId", u.display_name AS "AuthorName", q.created_at AS "CreatedAt", q.edited_at AS "EditedAt",
               q.accepted_answer_id AS "AcceptedAnswerId"
        FROM questions q
        JOIN courses c ON c.id = q.course_id
        JOIN users u ON u.id = q.author_id
        LEFT JOIN lectures l ON l.id = q.lecture_id
        WHERE q.id = @QuestionId
        """;

    private const string AnswersSql = """
        SELECT a.id AS "Id", u.id AS "AuthorId", u.display_name AS "AuthorName", a.by_instructor AS "ByInstructor", a.body_markdown AS "BodyMarkdown",
               a.body_html AS "BodyHtml", a.created_at AS "CreatedAt", a.edited_at AS "EditedAt", a.id = @AcceptedAnswerId AS "Accepted"
        FROM answers a
        JOIN users u ON u.id = a.author_id
        WHERE a.question_id = @QuestionId
        ORDER BY a.id = @AcceptedAnswerId DESC, a.created_at, a.id
        LIMIT 200
        """;

    public async ValueTask<QuestionDto> Handle(GetQuestionQuery query, CancellationToken cancellationToken)
    {
        var q = await db.QuerySingleOrDefaultAsync<QuestionRow>(QuestionSql, new { query.QuestionId }, cancellationToken)
                ?? throw QuestionAccess.NotFound(query.QuestionId);
        var answers = await db.QueryAsync<AnswerRow>(AnswersSql, new { query.QuestionId, q.AcceptedAnswerId }, cancellationToken);
        return new QuestionDto(q.Id, q.CourseId, q.CourseTitle, q.LectureId, q.LectureTitle, q.AtSeconds, q.Title, q.BodyMarkdown, q.BodyHtml,
            new AuthorDto(q.AuthorId, q.AuthorName), q.CreatedAt, q.EditedAt, q.AcceptedAnswerId,
            answers.Select(a => new AnswerDto(a.Id, new AuthorDto(a.AuthorId, a.AuthorName), a.ByInstructor, a.BodyMarkdown, a.BodyHtml, a.CreatedAt, a.EditedAt,
                a.Accepted ?? false)).ToList());
    }

    private sealed record QuestionRow(
        Guid Id, Guid CourseId, string CourseTitle, Guid? LectureId, string? LectureTitle, int? AtSeconds, string Title, string BodyMarkdown, string BodyHtml,
        Guid AuthorId, string AuthorName, DateTimeOffset CreatedAt, DateTimeOffset? EditedAt, Guid? AcceptedAnswerId);

    private sealed record AnswerRow(
        Guid Id, Guid AuthorId, string AuthorName, bool ByInstructor, string BodyMarkdown, string BodyHtml, DateTimeOffset CreatedAt, DateTimeOffset? EditedAt,
        bool? Accepted);
}
