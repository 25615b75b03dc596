using LectureHub.Application.Abstractions;
using LectureHub.Application.Notifications;
using LectureHub.Domain.Questions;

namespace LectureHub.Application.Questions.Events;

/// <summary>An answer notifies the asker.</summary>
internal sealed class NotifyOfAnswer(IReadDb db, Notifier notifier) : IDomainEventHandler<AnswerPosted>
{
    private const string FactsSql = """
        SELECT s.id AS "UserId", s.email AS "Email", s.display_name AS "DisplayName", s.language AS "Language",
               a.id AS "ActorId", a.display_name AS "Actor", c.title AS "Course", q.title AS "Title", x.body_markdown AS "Excerpt", q.id AS "TargetId"
        FROM answers x
        JOIN questions q ON q.id = x.question_id
        JOIN courses c ON c.id = q.course_id
        JOIN users s ON s.id = q.author_id
        JOIN users a ON a.id = x.author_id
        WHERE x.id = @AnswerId
        """;

    public async Task HandleAsync(AnswerPosted domainEvent, CancellationToken cancellationToken)
    {
        var facts = await db.Primary.QuerySingleOrDefaultAsync<NotificationFacts>(FactsSql, new { domainEvent.AnswerId }, cancellationToken);
        await notifier.NotifyAsync(NotificationKind.AnswerPosted, domainEvent.AnswerId, facts, "question", $"/api/v1/questions/{facts?.TargetId}", cancellationToken);
    }
}
