namespace LectureHub.Application.Notifications;

/// <summary>One inbox row to deliver; <see cref="Key"/> names the event, so delivering it again adds nothing.</summary>
public sealed record NotificationDraft(
    Guid UserId, NotificationKind Kind, string Key, string Title, string Excerpt, string TargetType, Guid TargetId, string Path, DateTimeOffset CreatedAt);

/// <summary>The in-app inbox and each user's email preferences (PostgreSQL).</summary>
public interface INotificationInbox
{
    /// <summary>Adds the notification unless this user has one with the same key (at-least-once delivery, one row). Returns whether it was added.</summary>
    Task<bool> DeliverAsync(NotificationDraft draft, CancellationToken cancellationToken);

    /// <summary>Marks one of the user's notifications read (idempotent); false if the user has no such notification.</summary>
    Task<bool> MarkReadAsync(Guid userId, Guid notificationId, DateTimeOffset now, CancellationToken cancellationToken);

    Task MarkAllReadAsync(Guid userId, DateTimeOffset now, CancellationToken cancellationToken);

    Task<int> UnreadCountAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>Whether this kind also goes out by email to this user (yes unless they turned it off).</summary>
    Task<bool> WantsEmailAsync(Guid userId, NotificationKind kind, CancellationToken cancellationToken);

    Task SetEmailAsync(Guid userId, NotificationKind kind, bool email, CancellationToken cancellationToken);
}
