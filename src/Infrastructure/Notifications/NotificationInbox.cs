using LectureHub.Application.Notifications;
using LectureHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LectureHub.Infrastructure.Notifications;

/// <summary>
/// The inbox in single statements on the primary: inside the command's transaction for marking read and preferences,
/// on their own (auto-commit) for delivery from the outbox, where ON CONFLICT on (user, key) makes a redelivery a no-op.
/// </summary>
internal sealed class NotificationInbox(AppDbContext db) : INotificationInbox
{
    public async Task<bool> DeliverAsync(NotificationDraft d, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO notifications (id, user_id, kind, key, title, excerpt, target_type, target_id, path, created_at)
            VALUES ({Guid.CreateVersion7()}, {d.UserId}, {d.Kind.ToString()}, {d.Key}, {Cap(d.Title, 400)}, {Cap(d.Excerpt, 200)}, {d.TargetType}, {d.TargetId},
                    {d.Path}, {d.CreatedAt})
            ON CONFLICT (user_id, key) DO NOTHING
            """, cancellationToken) == 1;

    public async Task<bool> MarkReadAsync(Guid userId, Guid notificationId, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await db.Database.SqlQuery<bool>($"""
            WITH marked AS (
                UPDATE notifications SET read_at = coalesce(read_at, {now}) WHERE id = {notificationId} AND user_id = {userId} RETURNING id)
            SELECT EXISTS (SELECT 1 FROM marked) AS "Value"
            """).ToListAsync(cancellationToken)).Single();

    public Task MarkAllReadAsync(Guid userId, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"UPDATE notifications SET read_at = {now} WHERE user_id = {userId} AND read_at IS NULL", cancellationToken);

    public async Task<int> UnreadCountAsync(Guid userId, CancellationToken cancellationToken) =>
        (await db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM notifications WHERE user_id = {userId} AND read_at IS NULL")
            .ToListAsync(cancellationToken)).Single();

    public async Task<bool> WantsEmailAsync(Guid userId, NotificationKind kind, CancellationToken cancellationToken) =>
        (await db.Database.SqlQuery<bool>($"""
            SELECT coalesce((SELECT email FROM notification_preferences WHERE user_id = {userId} AND kind = {kind.ToString()}), true) AS "Value"
            """).ToListAsync(cancellationToken)).Single();

    public Task SetEmailAsync(Guid userId, NotificationKind kind, bool email, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""
            INSERT INTO notification_preferences (user_id, kind, email) VALUES ({userId}, {kind.ToString()}, {email})
            ON CONFLICT (user_id, kind) DO UPDATE SET email = excluded.email
            """, cancellationToken);

    private static string Cap(string text, int length) => text.Length <= length ? text : text[..length];
}
