using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Common;
using Mediator;

namespace LectureHub.Application.Notifications.Queries;

/// <summary>The caller's inbox, newest first, one keyset page at a time, with the unread count.</summary>
public sealed record ListMyNotificationsQuery(bool UnreadOnly = false, string? Cursor = null, int Limit = 20) : IQuery<NotificationPage>, IPagedQuery
{
    public static int MaxLimit => 100;
}

internal sealed class ListMyNotificationsValidator : AbstractValidator<ListMyNotificationsQuery>
{
    public ListMyNotificationsValidator() =>
        RuleFor(q => q.Cursor).Must(c => c is null || OpaqueCursor.TryDecode<NotificationCursor>(c, out _)).WithMessage("The cursor is invalid; start again without it.");
}

internal sealed record NotificationCursor(DateTimeOffset Time, Guid Id);

internal sealed class ListMyNotificationsHandler(IReadDb db, ICurrentUser currentUser) : IQueryHandler<ListMyNotificationsQuery, NotificationPage>
{
    private const string Sql = """
        SELECT id AS "Id", kind AS "Kind", title AS "Title", excerpt AS "Excerpt", target_type AS "TargetType", target_id AS "TargetId", path AS "Path",
               created_at AS "CreatedAt", read_at AS "ReadAt"
        FROM notifications
        WHERE user_id = @UserId
        """;

    private const string UnreadSql = "SELECT count(*)::int FROM notifications WHERE user_id = @UserId AND read_at IS NULL";

    public async ValueTask<NotificationPage> Handle(ListMyNotificationsQuery query, CancellationToken cancellationToken)
    {
        var user = currentUser.RequiredUserId;
        var cursor = query.Cursor is { } text && OpaqueCursor.TryDecode<NotificationCursor>(text, out var decoded) ? decoded : null;
        var sql = Sql + (query.UnreadOnly ? " AND read_at IS NULL" : "") + (cursor is null ? "" : " AND (created_at, id) < (@KeyTime, @KeyId)") +
                  " ORDER BY created_at DESC, id DESC LIMIT @Take";
        var rows = await db.QueryAsync<NotificationDto>(sql, new { UserId = user, KeyTime = cursor?.Time, KeyId = cursor?.Id, Take = query.Limit + 1 }, cancellationToken);
        var unread = await db.QuerySingleOrDefaultAsync<int>(UnreadSql, new { UserId = user }, cancellationToken);
        var next = rows.Count > query.Limit ? OpaqueCursor.Encode(new NotificationCursor(rows[query.Limit - 1].CreatedAt, rows[query.Limit - 1].Id)) : null;
        return new NotificationPage(rows.Take(query.Limit).ToList(), next, unread);
    }
}
