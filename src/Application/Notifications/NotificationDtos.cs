namespace LectureHub.Application.Notifications;

/// <summary>
/// An inbox entry: what happened, in the recipient's language, and what it is about (<see cref="TargetType"/>
/// question, post or review, its id, and the API path that reads it).
/// </summary>
public sealed record NotificationDto(
    Guid Id, NotificationKind Kind, string Title, string Excerpt, string TargetType, Guid TargetId, string Path, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

public sealed record NotificationPage(IReadOnlyList<NotificationDto> Items, string? NextCursor, int UnreadCount);

public sealed record InboxStateDto(int UnreadCount);

/// <summary>For each kind, whether it also goes out by email.</summary>
public sealed record NotificationPreferencesDto(IReadOnlyDictionary<NotificationKind, bool> Email);
