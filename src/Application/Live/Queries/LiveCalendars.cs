using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Domain.Live;
using Mediator;

namespace LectureHub.Application.Live.Queries;

/// <summary>One session as an iCalendar document, for whoever may take part in it.</summary>
public sealed record GetLiveSessionCalendarQuery(Guid Id) : IQuery<string>;

/// <summary>
/// The sessions of the user whose secret calendar address this is (hosting, assisting, or as a student): from 30 days
/// back, at most 500, as an iCalendar document. Anonymous: the token is the credential.
/// </summary>
public sealed record GetCalendarFeedQuery(string Token) : IQuery<string>;

internal sealed class LiveCalendarsHandler(IReadDb db, ICurrentUser currentUser, TimeProvider clock)
    : IQueryHandler<GetLiveSessionCalendarQuery, string>, IQueryHandler<GetCalendarFeedQuery, string>
{
    public static readonly TimeSpan History = TimeSpan.FromDays(30);

    private const string FeedSql = $"""
        SELECT {LiveSessionAccess.Columns}
        FROM ({LiveSessionAccess.SessionsOfSql}) s
        ORDER BY s.starts_at
        LIMIT 500
        """;

    public async ValueTask<string> Handle(GetLiveSessionCalendarQuery query, CancellationToken cancellationToken)
    {
        var row = await db.LoadRowAsync(query.Id, cancellationToken);
        await db.RoleOfAsync(currentUser, row.Parties, cancellationToken);
        return ICalendar.Write(row.Title, [row.Event], clock.GetUtcNow());
    }

    public async ValueTask<string> Handle(GetCalendarFeedQuery query, CancellationToken cancellationToken)
    {
        // The owner first, then their sessions by id: two reads that may meet different replicas never mix a token's
        // presence on one with its absence on the other.
        var userId = await db.QuerySingleOrDefaultAsync<Guid?>(
            "SELECT user_id FROM calendar_feeds WHERE token_hash = @TokenHash", new { TokenHash = CalendarFeed.HashOf(query.Token) }, cancellationToken)
            ?? throw new NotFoundException("CALENDAR_FEED_NOT_FOUND", "No calendar has this address (it may have been replaced by a newer one).");
        var rows = await db.QueryAsync<LiveSessionRow>(FeedSql, new { UserId = userId, Since = clock.GetUtcNow() - History }, cancellationToken);
        return ICalendar.Write("LectureHub", rows.Select(r => r.Event), clock.GetUtcNow());
    }
}
