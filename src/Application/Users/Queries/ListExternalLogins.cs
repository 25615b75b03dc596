using LectureHub.Application.Abstractions;
using LectureHub.Domain.Users;
using Mediator;

namespace LectureHub.Application.Users.Queries;

/// <summary>A social identity linked to the account: the provider, the email it gave when linked, when linked and last used.</summary>
public sealed record ExternalLoginDto(string Provider, string? Email, DateTimeOffset LinkedAt, DateTimeOffset LastUsedAt)
{
    public static ExternalLoginDto From(ExternalLogin login) => new(login.Provider, login.Email, login.LinkedAt, login.LastUsedAt);
}

public sealed record ListMyExternalLoginsQuery : IQuery<IReadOnlyList<ExternalLoginDto>>;

internal sealed class ListMyExternalLoginsHandler(IReadDb db, ICurrentUser currentUser) : IQueryHandler<ListMyExternalLoginsQuery, IReadOnlyList<ExternalLoginDto>>
{
    private const string Sql = """
        SELECT provider AS "Provider", email AS "Email", linked_at AS "LinkedAt", last_used_at AS "LastUsedAt"
        FROM external_logins
        WHERE user_id = @UserId
        ORDER BY linked_at
        """;

    public async ValueTask<IReadOnlyList<ExternalLoginDto>> Handle(ListMyExternalLoginsQuery query, CancellationToken cancellationToken) =>
        await db.QueryAsync<ExternalLoginDto>(Sql, new { UserId = currentUser.RequiredUserId }, cancellationToken);
}
