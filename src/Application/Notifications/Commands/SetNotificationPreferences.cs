using FluentValidation;
using LectureHub.Application.Abstractions;
using Mediator;

namespace LectureHub.Application.Notifications.Commands;

/// <summary>The caller chooses which kinds also send email; kinds left out keep their setting. Returns every kind's setting.</summary>
public sealed record SetNotificationPreferencesCommand(IReadOnlyDictionary<NotificationKind, bool> Email) : ICommand<NotificationPreferencesDto>;

internal sealed class SetNotificationPreferencesValidator : AbstractValidator<SetNotificationPreferencesCommand>
{
    public SetNotificationPreferencesValidator() =>
        RuleFor(c => c.Email).Must(e => e.Keys.All(Enum.IsDefined)).WithMessage("Unknown notification kind.").OverridePropertyName("email");
}

internal sealed class SetNotificationPreferencesHandler(INotificationInbox inbox, ICurrentUser currentUser)
    : ICommandHandler<SetNotificationPreferencesCommand, NotificationPreferencesDto>
{
    public async ValueTask<NotificationPreferencesDto> Handle(SetNotificationPreferencesCommand command, CancellationToken cancellationToken)
    {
        var user = currentUser.RequiredUserId;
        foreach (var (kind, email) in command.Email)
        {
            await inbox.SetEmailAsync(user, kind, email, cancellationToken);
        }

        var settings = new Dictionary<NotificationKind, bool>();
        foreach (var kind in Enum.GetValues<NotificationKind>())
        {
            settings[kind] = await inbox.WantsEmailAsync(user, kind, cancellationToken);
        }

        return new NotificationPreferencesDto(settings);
    }
}
