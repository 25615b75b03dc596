using LectureHub.Application.Notifications;

namespace LectureHub.Infrastructure.Notifications;

/// <summary>A user's choice for one kind; no row means email is on.</summary>
public sealed class NotificationPreferenceRow
{
    public Guid UserId { get; init; }

    public NotificationKind Kind { get; init; }

    public bool Email { get; init; }
}
