using LectureHub.Application.Abstractions;
using Mediator;

namespace LectureHub.Application.Auth.Queries;

/// <summary>
/// The signed-in user's live sessions (one per refresh family), newest use first. <see cref="SessionDto.LastUsedAt"/>
/// is the last sign-in or refresh, and the client shown is the one that made it.
/// </summary>
public sealed record ListMySessionsQuery : IQuery<IReadOnlyList<SessionDto>>;

public sealed record SessionDto(Guid Id, DateTimeOffset StartedAt, DateTimeOffset LastUsedAt, DateTimeOffset ExpiresAt, string? UserAgent, string? Address, bool Current);

internal sealed class ListMySessionsHandler(IReadDb db, ICurrentUser currentUser, TimeProvider clock) : IQueryHandler<ListMySessionsQuery, IReadOnlyList<SessionDto>>
{
    private const string Sql = """
        SELECT family_id AS "Id", session_started_at AS "StartedAt", created_at AS "LastUsedAt", expires_at AS "ExpiresAt",
               user_agent AS "UserAgent", address AS "Address", family_id = @Current AS "Current"
        FROM (SELECT DISTINCT ON (family_id) family_id, session_started_at, created_at, expires_at, revoked_at, user_agent, address
              FROM refresh_tokens WHERE user_id = @UserId
              ORDER BY family_id, created_at DESC) latest
        WHERE revoked_at IS NULL AND expires_at > @Now
        ORDER BY created_at DESC
        """;

    public async ValueTask<IReadOnlyList<SessionDto>> Handle(ListMySessionsQuery query, CancellationToken cancellationToken) =>
        await db.QueryAsync<SessionDto>(Sql, new { UserId = currentUser.RequiredUserId, Current = currentUser.SessionId, Now = clock.GetUtcNow() }, cancellationToken);
}
