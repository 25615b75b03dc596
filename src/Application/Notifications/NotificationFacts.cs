namespace LectureHub.Application.Notifications;

/// <summary>
/// What a notification needs, read on the primary after the event committed: the recipient, who acted, and what about.
/// Each event's handler selects these columns by name.
/// </summary>
internal sealed record NotificationFacts(
    Guid UserId, string Email, string DisplayName, string Language, Guid ActorId, string Actor, string Course, string Title, string Excerpt, Guid TargetId);
