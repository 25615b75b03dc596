using LectureHub.Application.Abstractions;
using LectureHub.Domain.Users;

namespace LectureHub.Application.Auth;

/// <summary>Issues an access token plus a tracked refresh token; shared by register, login and refresh.</summary>
internal static class TokenIssuer
{
    public static async Task<TokenPair> IssueAsync(
        User user, Guid familyId, ITokenService tokens, IRepository<RefreshToken> refreshTokens, ClientInfo client, DateTimeOffset now, CancellationToken ct)
    {
        var value = tokens.CreateRefreshToken();
        var refresh = await refreshTokens.AddAsync(RefreshToken.Issue(user.Id, familyId, value.Hash, now, tokens.RefreshTokenLifetime, client), ct);
        return Pair(user, tokens, value, refresh);
    }

    public static TokenPair Pair(User user, ITokenService tokens, NewRefreshToken value, RefreshToken refresh)
    {
        var access = tokens.CreateAccessToken(user, refresh.FamilyId);
        return new TokenPair(access.Token, access.ExpiresAt, value.Value, refresh.ExpiresAt);
    }
}
