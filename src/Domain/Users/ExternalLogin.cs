using LectureHub.Domain.Common;

namespace LectureHub.Domain.Users;

/// <summary>The social sign-in providers an account can be linked to.</summary>
public static class ExternalProviders
{
    public const string Kakao = "kakao";
    public const string Google = "google";
    public const string Naver = "naver";

    public static readonly IReadOnlyList<string> All = [Kakao, Google, Naver];

    public const int MaxSubjectLength = 255;
}

/// <summary>
/// An account's link to one identity at a social provider (its stable subject id there): signing in with that
/// identity signs in to this account. One identity links one account; an account links at most one identity per provider.
/// </summary>
public sealed class ExternalLogin : Entity
{
    private ExternalLogin()
    {
    }

    public Guid UserId { get; private set; }

    public string Provider { get; private set; } = "";

    public string Subject { get; private set; } = "";

    /// <summary>The email the provider gave when linked (shown in the account's list; never used to find the account).</summary>
    public string? Email { get; private set; }

    public DateTimeOffset LinkedAt { get; private set; }

    public DateTimeOffset LastUsedAt { get; private set; }

    public static ExternalLogin Link(Guid userId, string provider, string subject, string? email, DateTimeOffset now) =>
        new() { UserId = userId, Provider = provider, Subject = subject, Email = email, LinkedAt = now, LastUsedAt = now };

    public void Used(DateTimeOffset now) => LastUsedAt = now;
}
