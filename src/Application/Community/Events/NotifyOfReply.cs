using LectureHub.Application.Abstractions;
using LectureHub.Application.Notifications;
using LectureHub.Domain.Community;

namespace LectureHub.Application.Community.Events;

/// <summary>A reply notifies the author of the comment it answers.</summary>
internal sealed class NotifyOfReply(IReadDb db, Notifier notifier) : IDomainEventHandler<CommentWritten>
{
    private const string FactsSql = """
        SELECT u.id AS "UserId", u.email AS "Email", u.display_name AS "DisplayName", u.language AS "Language",
               a.id AS "ActorId", a.display_name AS "Actor", b.name_ko AS "Course", p.title AS "Title", c.body_markdown AS "Excerpt", p.id AS "TargetId"
        FROM comments c
        JOIN comments r ON r.id = @RepliedToCommentId
        JOIN posts p ON p.id = c.post_id
        JOIN boards b ON b.id = p.board_id
        JOIN users u ON u.id = r.author_id
        JOIN users a ON a.id = c.author_id
        WHERE c.id = @CommentId
        """;

    public async Task HandleAsync(CommentWritten domainEvent, CancellationToken cancellationToken)
    {
        if (domainEvent.RepliedToCommentId is null)
        {
            return;
        }

        var facts = await db.Primary.QuerySingleOrDefaultAsync<NotificationFacts>(FactsSql, new { domainEvent.CommentId, domainEvent.RepliedToCommentId }, cancellationToken);
        await notifier.NotifyAsync(NotificationKind.CommentReplied, domainEvent.CommentId, facts, "post", $"/api/v1/posts/{domainEvent.PostId}", cancellationToken);
    }
}
