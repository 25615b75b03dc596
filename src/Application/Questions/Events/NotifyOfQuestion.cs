using LectureHub.Application.Abstractions;
using LectureHub.Application.Notifications;
using LectureHub.Domain.Questions;

namespace LectureHub.Application.Questions.Events;

/// <summary>A new question notifies the course's instructor.</summary>
internal sealed class NotifyOfQuestion(IReadDb db, Notifier notifier) : IDomainEventHandler<QuestionAsked>
{
    private const string FactsSql = """
        SELECT i.id AS "UserId", i.email AS "Email", i.display_name AS "DisplayName", i.language AS "Language",
               a.id AS "ActorId", a.display_name AS "Actor", c.title AS "Course", q.title AS "Title", q.body_markdown AS "Excerpt", q.id AS "TargetId"
        FROM questions q
        JOIN courses c ON c.id = q.course_id
        JOIN users i ON i.id = c.instructor_id
        JOIN users a ON a.id = q.author_id
        WHERE q.id = @QuestionId
        """;

    public async Task HandleAsync(QuestionAsked domainEvent, CancellationToken cancellationToken) =>
        await notifier.NotifyAsync(NotificationKind.QuestionAsked, domainEvent.QuestionId,
            await db.Primary.QuerySingleOrDefaultAsync<NotificationFacts>(FactsSql, new { domainEvent.QuestionId }, cancellationToken),
            "question", $"/api/v1/questions/{domainEvent.QuestionId}", cancellationToken);
}
