using LectureHub.Application.Abstractions;
using LectureHub.Application.Notifications;
using LectureHub.Domain.Reviews;

namespace LectureHub.Application.Reviews.Events;

/// <summary>The instructor's reply notifies the reviewer.</summary>
internal sealed class NotifyOfReviewReply(IReadDb db, Notifier notifier) : IDomainEventHandler<ReviewReplied>
{
    private const string FactsSql = """
        SELECT s.id AS "UserId", s.email AS "Email", s.display_name AS "DisplayName", s.language AS "Language",
               i.id AS "ActorId", i.display_name AS "Actor", c.title AS "Course", c.title AS "Title", coalesce(r.reply, '') AS "Excerpt", r.id AS "TargetId"
        FROM course_reviews r
        JOIN courses c ON c.id = r.course_id
        JOIN users s ON s.id = r.student_id
        JOIN users i ON i.id = c.instructor_id
        WHERE r.id = @ReviewId
        """;

    public async Task HandleAsync(ReviewReplied domainEvent, CancellationToken cancellationToken) =>
        await notifier.NotifyAsync(NotificationKind.ReviewReplied, domainEvent.ReviewId,
            await db.Primary.QuerySingleOrDefaultAsync<NotificationFacts>(FactsSql, new { domainEvent.ReviewId }, cancellationToken),
            "review", $"/api/v1/reviews/{domainEvent.ReviewId}", cancellationToken);
}
