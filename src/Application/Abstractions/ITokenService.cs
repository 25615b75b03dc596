using LectureHub.Domain.Users;

namespace LectureHub.Application.Abstractions;

public sealed record AccessToken(string Token, DateTimeOffset ExpiresAt);

/// <summary>A new opaque refresh token: the value to give the client, and the hash to store.</summary>
public sealed record NewRefreshToken(string Value, string Hash);

public interface ITokenService
{
    TimeSpan RefreshTokenLifetime { get; }

    /// <summary>
    /// An access token for one session (the refresh family), so revoking the session stops it too.
    /// <paramref name="authenticatedAt"/>: when the user last proved who they are (password, and second factor where
    /// on) for this token; refreshed tokens carry none. Step-up reads it (<c>auth_time</c>).
    /// </summary>
    AccessToken CreateAccessToken(User user, Guid sessionId, DateTimeOffset? authenticatedAt = null);

    NewRefreshToken CreateRefreshToken();

    /// <summary>
    /// The token that replaces <paramref name="presented"/>, derived from it with a server key, so a client that
    /// presents the same token twice (a retry, a second tab) can be given the same successor without storing it.
    /// </summary>
    NewRefreshToken SuccessorOf(string presented);

    /// <summary>The SHA-256 hash stored for an opaque token (refresh tokens, emailed links).</summary>
    string HashToken(string value);

    /// <summary>An emailed link's value, derived from its token's id with a server key: the same on every redelivery, never stored.</summary>
    string AccountTokenValue(Guid tokenId);

    /// <summary>A short-lived, signed proof that the user's password checked out, for the second sign-in step.</summary>
    string CreateLoginChallenge(Guid userId, DateTimeOffset expiresAt);

    /// <summary>The user the challenge was issued for, if it is one of ours and has not expired; otherwise null.</summary>
    Guid? LoginChallengeUser(string challenge, DateTimeOffset now);

    /// <summary>A signed, long-lived marker of a device that has signed in to this account before.</summary>
    string CreateDeviceToken(Guid userId);

    /// <summary>The device's id if <paramref name="deviceToken"/> is one this server issued for this account; otherwise null.</summary>
    Guid? DeviceOf(string deviceToken, Guid userId);
}
