using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using Mediator;

namespace LectureHub.Application.Notifications.Commands;

/// <summary>Marks one of the caller's notifications read (idempotent); returns the unread count after.</summary>
public sealed record MarkNotificationReadCommand(Guid NotificationId) : ICommand<InboxStateDto>;

/// <summary>Marks all of the caller's notifications read; returns the unread count after (0, unless one arrived meanwhile).</summary>
public sealed record MarkAllNotificationsReadCommand : ICommand<InboxStateDto>;

internal sealed class MarkNotificationReadHandler(INotificationInbox inbox, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<MarkNotificationReadCommand, InboxStateDto>
{
    public async ValueTask<InboxStateDto> Handle(MarkNotificationReadCommand command, CancellationToken cancellationToken)
    {
        var user = currentUser.RequiredUserId;
        if (!await inbox.MarkReadAsync(user, command.NotificationId, clock.GetUtcNow(), cancellationToken))
        {
            throw new NotFoundException("NOTIFICATION_NOT_FOUND", $"Notification {command.NotificationId} does not exist.");
        }

        return new InboxStateDto(await inbox.UnreadCountAsync(user, cancellationToken));
    }
}

internal sealed class MarkAllNotificationsReadHandler(INotificationInbox inbox, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<MarkAllNotificationsReadCommand, InboxStateDto>
{
    public async ValueTask<InboxStateDto> Handle(MarkAllNotificationsReadCommand command, CancellationToken cancellationToken)
    {
        var user = currentUser.RequiredUserId;
        await inbox.MarkAllReadAsync(user, clock.GetUtcNow(), cancellationToken);
        return new InboxStateDto(await inbox.UnreadCountAsync(user, cancellationToken));
    }
}
