using LectureHub.Domain.Common;

namespace LectureHub.Domain.Users;

/// <summary>
/// One refresh token in a rotation family (one session). Only its SHA-256 hash is stored. Presenting a token again
/// within <see cref="ReuseGrace"/> of its rotation is a retry or a second tab, and gets the same successor; after
/// that, presenting a rotated or revoked token means it leaked (or was replayed), so the whole family is revoked.
/// </summary>
public sealed class RefreshToken : Entity
{
    private RefreshToken()
    {
    }

    public Guid UserId { get; private set; }

    /// <summary>All tokens descended from one login share a family.</summary>
    public Guid FamilyId { get; private set; }

    public string TokenHash { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public string? RevokedReason { get; private set; }

    public Guid? ReplacedById { get; private set; }

    /// <summary>When the session (the family) began: its first token's <see cref="CreatedAt"/>, carried by every successor.</summary>
    public DateTimeOffset SessionStartedAt { get; private set; }

    /// <summary>The client that was given this token (the sign-in, or the refresh that rotated to it).</summary>
    public string? UserAgent { get; private set; }

    public string? Address { get; private set; }

    /// <summary>The first token of a new session (sign-in, registration).</summary>
    public static RefreshToken Issue(Guid userId, Guid familyId, string tokenHash, DateTimeOffset now, TimeSpan lifetime, ClientInfo client) =>
        Issue(userId, familyId, tokenHash, now, lifetime, client, sessionStartedAt: now);

    private static RefreshToken Issue(
        Guid userId, Guid familyId, string tokenHash, DateTimeOffset now, TimeSpan lifetime, ClientInfo client, DateTimeOffset sessionStartedAt) =>
        new()
        {
            UserId = userId,
            FamilyId = familyId,
            TokenHash = tokenHash,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
            SessionStartedAt = sessionStartedAt,
            UserAgent = Clip(client.UserAgent, ClientInfo.MaxUserAgentLength),
            Address = Clip(client.Address, ClientInfo.MaxAddressLength),
        };

    private static string? Clip(string? value, int length) => value is null || value.Length <= length ? value : value[..length];

    /// <summary>A few seconds: long enough for a client's retry or a second tab, too short to be worth stealing for.</summary>
    public static readonly TimeSpan ReuseGrace = TimeSpan.FromSeconds(10);

    public bool IsSpent => RevokedAt is not null;

    /// <summary>Rotated (not revoked) so recently that presenting it again is the same client, not a thief.</summary>
    public bool IsWithinReuseGrace(DateTimeOffset now) => RevokedReason == RotatedReason && ReplacedById is not null && now - RevokedAt <= ReuseGrace;

    public bool IsExpired(DateTimeOffset now) => now >= ExpiresAt;

    /// <summary>Spends this token and issues its successor in the same family.</summary>
    public RefreshToken Rotate(string newTokenHash, DateTimeOffset now, TimeSpan lifetime, ClientInfo client)
    {
        if (IsSpent)
        {
            throw new DomainException("REFRESH_TOKEN_REUSED", "This refresh token was already used.");
        }

        if (IsExpired(now))
        {
            throw new DomainException("REFRESH_TOKEN_EXPIRED", "This refresh token has expired.");
        }

        var next = Issue(UserId, FamilyId, newTokenHash, now, lifetime, client, SessionStartedAt);
        RevokedAt = now;
        RevokedReason = RotatedReason;
        ReplacedById = next.Id;
        return next;
    }

    /// <summary>Ends the session: its access tokens stop working too (<see cref="SessionRevoked"/>).</summary>
    public void Revoke(string reason, DateTimeOffset now)
    {
        if (IsSpent)
        {
            return;
        }

        RevokedAt = now;
        RevokedReason = reason;
        Raise(new SessionRevoked(FamilyId));
    }

    private const string RotatedReason = "rotated";
}

/// <summary>Who asked for a token: the request's User-Agent and address, shown in the account's list of sessions.</summary>
public sealed record ClientInfo(string? UserAgent, string? Address)
{
    public const int MaxUserAgentLength = 300;
    public const int MaxAddressLength = 64;
}

/// <summary>A session (refresh family) was ended by logout or by detected reuse; its access tokens must stop at once.</summary>
public sealed record SessionRevoked(Guid SessionId) : IDomainEvent;
