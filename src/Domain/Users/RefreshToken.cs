using LectureHub.Domain.Common;

namespace LectureHub.Domain.Users;

/// <summary>
/// One refresh token in a rotation family. Only its SHA-256 hash is stored. Presenting a token that was already
/// rotated or revoked means it leaked (or was replayed), so the whole family is revoked.
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

    public static RefreshToken Issue(Guid userId, Guid familyId, string tokenHash, DateTimeOffset now, TimeSpan lifetime) =>
        new()
        {
            UserId = userId,
            FamilyId = familyId,
            TokenHash = tokenHash,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };

    public bool IsSpent => RevokedAt is not null;

    public bool IsExpired(DateTimeOffset now) => now >= ExpiresAt;

    /// <summary>Spends this token and issues its successor in the same family.</summary>
    public RefreshToken Rotate(string newTokenHash, DateTimeOffset now, TimeSpan lifetime)
    {
        if (IsSpent)
        {
            throw new DomainException("REFRESH_TOKEN_REUSED", "This refresh token was already used.");
        }

        if (IsExpired(now))
        {
            throw new DomainException("REFRESH_TOKEN_EXPIRED", "This refresh token has expired.");
        }

        var next = Issue(UserId, FamilyId, newTokenHash, now, lifetime);
        RevokedAt = now;
        RevokedReason = "rotated";
        ReplacedById = next.Id;
        return next;
    }

    public void Revoke(string reason, DateTimeOffset now)
    {
        if (IsSpent)
        {
            return;
        }

        RevokedAt = now;
        RevokedReason = reason;
    }
}
