using LectureHub.Domain.Common;

namespace LectureHub.Domain.Users;

/// <summary>What an emailed link proves: control of the address, the right to set a new password, or control of a new address.</summary>
public enum AccountTokenPurpose
{
    VerifyEmail,
    ResetPassword,

    /// <summary>Sent to the address the user wants instead (<see cref="AccountToken.NewEmail"/>); opening it makes that the account's, verified.</summary>
    ChangeEmail,
}

/// <summary>
/// A single-use link sent by email. Only the SHA-256 hash of its value is stored, and the value itself is derived from
/// the token's id with a server key, so the email can be written from the outbox without the value ever being stored.
/// Issuing a token spends the user's earlier unused ones of the same purpose: only the newest link works.
/// </summary>
public sealed class AccountToken : Entity
{
    /// <summary>At most this many links of one purpose per account in <see cref="IssueWindow"/>; past it, none is sent.</summary>
    public const int MaxIssuedPerWindow = 3;

    public static readonly TimeSpan IssueWindow = TimeSpan.FromHours(1);

    private AccountToken()
    {
    }

    public Guid UserId { get; private set; }

    public AccountTokenPurpose Purpose { get; private set; }

    public string TokenHash { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? UsedAt { get; private set; }

    /// <summary>For <see cref="AccountTokenPurpose.ChangeEmail"/>: the address the link was sent to, which becomes the account's.</summary>
    public string? NewEmail { get; private set; }

    public static TimeSpan LifetimeOf(AccountTokenPurpose purpose) => purpose switch
    {
        AccountTokenPurpose.ResetPassword => TimeSpan.FromMinutes(30),
        AccountTokenPurpose.VerifyEmail or AccountTokenPurpose.ChangeEmail => TimeSpan.FromHours(24),
        _ => throw new ArgumentOutOfRangeException(nameof(purpose), purpose, null),
    };

    /// <summary>A new token; its id comes first, because the value (and so the hash) is derived from it.</summary>
    public static AccountToken Issue(Guid id, Guid userId, AccountTokenPurpose purpose, string tokenHash, DateTimeOffset now, string? newEmail = null)
    {
        if ((purpose == AccountTokenPurpose.ChangeEmail) != (newEmail is not null))
        {
            throw new DomainException("ACCOUNT_TOKEN_INVALID", "A new address goes with an email change link, and only with one.");
        }

        var token = new AccountToken
        {
            Id = id,
            UserId = userId,
            Purpose = purpose,
            TokenHash = tokenHash,
            CreatedAt = now,
            ExpiresAt = now + LifetimeOf(purpose),
            NewEmail = newEmail?.Trim(),
        };
        token.Raise(new AccountTokenIssued(id, userId, purpose));
        return token;
    }

    public bool IsUsable(DateTimeOffset now) => UsedAt is null && now < ExpiresAt;

    /// <summary>Spends the token (once: handlers check <see cref="IsUsable"/> first and answer the client).</summary>
    public void Use(DateTimeOffset now)
    {
        if (!IsUsable(now))
        {
            throw new DomainException("ACCOUNT_TOKEN_SPENT", "This link has expired or was already used.");
        }

        UsedAt = now;
    }

    /// <summary>Spent without use, because a newer link of the same purpose was sent.</summary>
    public void Supersede(DateTimeOffset now) => UsedAt ??= now;
}

/// <summary>A link is to be emailed (from the outbox, after the token committed).</summary>
public sealed record AccountTokenIssued(Guid TokenId, Guid UserId, AccountTokenPurpose Purpose) : IDomainEvent;
