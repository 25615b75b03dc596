using LectureHub.Domain.Users;

namespace LectureHub.Application.Abstractions;

public sealed record AccessToken(string Token, DateTimeOffset ExpiresAt);

/// <summary>A new opaque refresh token: the value to give the client, and the hash to store.</summary>
public sealed record NewRefreshToken(string Value, string Hash);

public interface ITokenService
{
    TimeSpan RefreshTokenLifetime { get; }

    /// <summary>An access token for one session (the refresh family), so revoking the session stops it too.</summary>
    AccessToken CreateAccessToken(User user, Guid sessionId);

    NewRefreshToken CreateRefreshToken();

    /// <summary>
    /// The token that replaces <paramref name="presented"/>, derived from it with a server key, so a client that
    /// presents the same token twice (a retry, a second tab) can be given the same successor without storing it.
    /// </summary>
    NewRefreshToken SuccessorOf(string presented);

    string HashRefreshToken(string value);

    /// <summary>A signed, long-lived marker of a device that has signed in to this account before.</summary>
    string CreateDeviceToken(Guid userId);

    /// <summary>The device's id if <paramref name="deviceToken"/> is one this server issued for this account; otherwise null.</summary>
    Guid? DeviceOf(string deviceToken, Guid userId);
}
