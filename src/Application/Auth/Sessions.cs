using LectureHub.Application.Abstractions;
using LectureHub.Application.Users;
using LectureHub.Domain.Users;

namespace LectureHub.Application.Auth;

/// <summary>Ends sessions (refresh families); each raises <see cref="SessionRevoked"/>, so their access tokens stop too.</summary>
internal static class Sessions
{
    public static async Task RevokeAsync(IRepository<RefreshToken> refreshTokens, Guid familyId, string reason, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var token in await refreshTokens.ListAsync(new ActiveRefreshTokensInFamilySpec(familyId), ct))
        {
            token.Revoke(reason, now);
        }
    }

    /// <summary>Every session of the account, except <paramref name="keep"/>.</summary>
    public static async Task RevokeAllAsync(IRepository<RefreshToken> refreshTokens, Guid userId, Guid? keep, string reason, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var token in await refreshTokens.ListAsync(new ActiveRefreshTokensOfUserSpec(userId), ct))
        {
            if (token.FamilyId != keep)
            {
                token.Revoke(reason, now);
            }
        }
    }
}
