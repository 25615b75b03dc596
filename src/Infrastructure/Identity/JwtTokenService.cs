using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Terms;
using LectureHub.Domain.Users;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LectureHub.Infrastructure.Identity;

internal sealed class JwtTokenService(IOptions<JwtOptions> options, TimeProvider clock) : ITokenService
{
    /// <summary>The access token's claim naming its session (RFC 9068's "sid").</summary>
    public const string SessionClaim = "sid";

    /// <summary>When the user last authenticated for this token (OpenID Connect's "auth_time", seconds since the epoch).</summary>
    public const string AuthTimeClaim = "auth_time";

    /// <summary>The required terms versions the user agreed to (<see cref="CurrentTerms.AgreedClaim"/>).</summary>
    public const string TermsClaim = "terms";

    private readonly JsonWebTokenHandler _handler = new();
    private readonly SigningCredentials _credentials = new(SigningKey(options.Value), SecurityAlgorithms.HmacSha256);

    // Keys for the other MACs, derived from the signing key so each has its own purpose.
    private readonly byte[] _successorKey = DerivedKey(options.Value, "refresh-successor");
    private readonly byte[] _deviceKey = DerivedKey(options.Value, "device-token");
    private readonly byte[] _accountTokenKey = DerivedKey(options.Value, "account-token");
    private readonly byte[] _challengeKey = DerivedKey(options.Value, "login-challenge");

    public TimeSpan RefreshTokenLifetime => TimeSpan.FromDays(options.Value.RefreshTokenDays);

    public static SymmetricSecurityKey SigningKey(JwtOptions jwt) => new(Convert.FromBase64String(jwt.SigningKey));

    public AccessToken CreateAccessToken(User user, Guid sessionId, DateTimeOffset? authenticatedAt = null)
    {
        var now = clock.GetUtcNow();
        var expires = now.AddMinutes(options.Value.AccessTokenMinutes);
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = options.Value.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = _credentials,
            Subject = new ClaimsIdentity(
            [
                new Claim(JwtRegisteredClaimNames.Sub, user.Id.ToString()),
                new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
                new Claim(SessionClaim, sessionId.ToString()),
                new Claim("role", user.Role.ToString()),
                new Claim("name", user.DisplayName),
                new Claim(TermsClaim, CurrentTerms.AgreedClaim(user)),
                .. authenticatedAt is { } at
                    ? [new Claim(AuthTimeClaim, at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer64)]
                    : Array.Empty<Claim>(),
            ]),
        });
        return new AccessToken(token, expires);
    }

    /// <summary>256 random bits, URL-safe. Only the SHA-256 hash is stored, so a database leak yields no usable token.</summary>
    public NewRefreshToken CreateRefreshToken() => FromValue(Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32)));

    public NewRefreshToken SuccessorOf(string presented) =>
        FromValue(Base64UrlEncoder.Encode(HMACSHA256.HashData(_successorKey, Encoding.UTF8.GetBytes(presented))));

    public string HashToken(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    public string AccountTokenValue(Guid tokenId) =>
        Base64UrlEncoder.Encode(HMACSHA256.HashData(_accountTokenKey, tokenId.ToByteArray()));

    public string CreateLoginChallenge(Guid userId, DateTimeOffset expiresAt)
    {
        var body = $"{userId:N}.{expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}";
        return $"{body}.{Mac(_challengeKey, body)}";
    }

    public Guid? LoginChallengeUser(string challenge, DateTimeOffset now)
    {
        var parts = challenge.Split('.');
        return parts.Length == 3 && Guid.TryParseExact(parts[0], "N", out var userId)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Mac(_challengeKey, $"{parts[0]}.{parts[1]}")), Encoding.ASCII.GetBytes(parts[2]))
            && now.ToUnixTimeSeconds() < expires
                ? userId
                : null;
    }

    private static string Mac(byte[] key, string text) => Base64UrlEncoder.Encode(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(text)));

    public string CreateDeviceToken(Guid userId)
    {
        var device = Guid.NewGuid();
        return $"{device:N}.{DeviceMac(device, userId)}";
    }

    public Guid? DeviceOf(string deviceToken, Guid userId)
    {
        var parts = deviceToken.Split('.');
        return parts.Length == 2 && Guid.TryParseExact(parts[0], "N", out var device)
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(DeviceMac(device, userId)), Encoding.ASCII.GetBytes(parts[1]))
                ? device
                : null;
    }

    private string DeviceMac(Guid device, Guid userId) =>
        Base64UrlEncoder.Encode(HMACSHA256.HashData(_deviceKey, Encoding.ASCII.GetBytes($"{device:N}:{userId:N}")));

    private NewRefreshToken FromValue(string value) => new(value, HashToken(value));

    internal static byte[] DerivedKey(JwtOptions jwt, string purpose) =>
        HMACSHA256.HashData(Convert.FromBase64String(jwt.SigningKey), Encoding.ASCII.GetBytes(purpose));
}
