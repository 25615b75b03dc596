using LectureHub.Application.Abstractions;
using Microsoft.Extensions.Logging;

namespace LectureHub.Application.Notifications;

/// <summary>
/// Delivers one event's notification: an inbox row (idempotent on the event's key, so the outbox's redelivery adds
/// none) and, unless the recipient turned that kind off, an email whose Message-ID comes from the same key. Nobody is
/// notified of their own action. Runs from the outbox after the event committed.
/// </summary>
internal sealed class Notifier(INotificationInbox inbox, IEmailSender email, TimeProvider clock, ILogger<Notifier> logger)
{
    public async Task NotifyAsync(NotificationKind kind, Guid subjectId, NotificationFacts? facts, string targetType, string path, CancellationToken ct)
    {
        if (facts is null)
        {
            logger.LogWarning("{Kind} {SubjectId}: the subject no longer exists; nothing to notify", kind, subjectId);
            return;
        }

        if (facts.UserId == facts.ActorId)
        {
            return;
        }

        var key = $"{kind}:{subjectId:N}";
        var draft = new NotificationDraft(facts.UserId, kind, key, NotificationEmails.InboxLine(kind, facts), Excerpt(facts.Excerpt), targetType, facts.TargetId,
            path, clock.GetUtcNow());
        await inbox.DeliverAsync(draft, ct);
        if (await inbox.WantsEmailAsync(facts.UserId, kind, ct))
        {
            await email.SendAsync(NotificationEmails.Compose(kind, $"notification.{kind.ToString().ToLowerInvariant()}.{subjectId:N}", facts), ct);
        }

        logger.LogInformation("{Kind} {SubjectId}: {UserId} notified", kind, subjectId, facts.UserId);
    }

    /// <summary>What the inbox shows of the text: its first 140 characters on one line.</summary>
    private static string Excerpt(string text)
    {
        var line = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= 140 ? line : line[..139] + "…";
    }
}
