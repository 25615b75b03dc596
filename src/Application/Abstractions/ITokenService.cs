using LectureHub.Domain.Users;

namespace LectureHub.Application.Abstractions;

public sealed record AccessToken(string Token, DateTimeOffset ExpiresAt);

/// <summary>A new opaque refresh token: the value to give the client, and the hash to store.</summary>
public sealed record NewRefreshToken(string Value, string Hash);

public interface ITokenService
{
    TimeSpan RefreshTokenLifetime { get; }

    AccessToken CreateAccessToken(User user);

    NewRefreshToken CreateRefreshToken();

    string HashRefreshToken(string value);
}
