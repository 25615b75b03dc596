using LectureHub.Application.Notifications;

namespace LectureHub.Infrastructure.Notifications;

/// <summary>An inbox entry; (user, key) is unique, so an event delivered twice makes one row.</summary>
public sealed class NotificationRow
{
    public Guid Id { get; init; }

    public Guid UserId { get; init; }

    public NotificationKind Kind { get; init; }

    public required string Key { get; init; }

    public required string Title { get; init; }

    public required string Excerpt { get; init; }

    public required string TargetType { get; init; }

    public Guid TargetId { get; init; }

    public required string Path { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? ReadAt { get; init; }
}
