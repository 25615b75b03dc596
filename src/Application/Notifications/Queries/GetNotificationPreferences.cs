using LectureHub.Application.Abstractions;
using Mediator;

namespace LectureHub.Application.Notifications.Queries;

/// <summary>For each kind, whether it also goes out to the caller by email (on unless turned off).</summary>
public sealed record GetNotificationPreferencesQuery : IQuery<NotificationPreferencesDto>;

internal sealed class GetNotificationPreferencesHandler(IReadDb db, ICurrentUser currentUser) : IQueryHandler<GetNotificationPreferencesQuery, NotificationPreferencesDto>
{
    private const string Sql = "SELECT kind AS \"Kind\", email AS \"Email\" FROM notification_preferences WHERE user_id = @UserId";

    public async ValueTask<NotificationPreferencesDto> Handle(GetNotificationPreferencesQuery query, CancellationToken cancellationToken)
    {
        var set = (await db.QueryAsync<Row>(Sql, new { UserId = currentUser.RequiredUserId }, cancellationToken)).ToDictionary(r => r.Kind, r => r.Email);
        return new NotificationPreferencesDto(Enum.GetValues<NotificationKind>().ToDictionary(k => k, k => set.GetValueOrDefault(k, true)));
    }

    private sealed record Row(NotificationKind Kind, bool Email);
}
