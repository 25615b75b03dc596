using LectureHub.Application.Abstractions;
using LectureHub.Domain.Users;

namespace LectureHub.Application.Auth;

/// <summary>
/// Issues an access token plus a tracked refresh token; shared by register, login and refresh. A new session is a
/// sign-in, so its access token carries the moment (step-up reads it); a refreshed one does not.
/// </summary>
internal static class TokenIssuer
{
    public static async Task<TokenPair> IssueAsync(
        User user, Guid familyId, ITokenService tokens, IRepository<RefreshToken> refreshTokens, ClientInfo client, DateTimeOffset now, CancellationToken ct)
    {
        var value = tokens.CreateRefreshToken();
        var refresh = await refreshTokens.AddAsync(RefreshToken.Issue(user.Id, familyId, value.Hash, now, tokens.RefreshTokenLifetime, client), ct);
        return Pair(user, tokens, value, refresh, authenticatedAt: now);
    }

    public static TokenPair Pair(User user, ITokenService tokens, NewRefreshToken value, RefreshToken refresh, DateTimeOffset? authenticatedAt = null)
    {
        var access = tokens.CreateAccessToken(user, refresh.FamilyId, authenticatedAt);
        return new TokenPair(access.Token, access.ExpiresAt, value.Value, refresh.ExpiresAt);
    }
}
