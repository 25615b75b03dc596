using LectureHub.Domain.Common;

namespace LectureHub.Domain.Users;

public sealed class User : Entity
{
    public const int MaxDisplayNameLength = 50;
    public const int MaxEmailLength = 254;
    public const int MaxSuspensionReasonLength = 500;

    private User()
    {
    }

    public string Email { get; private set; } = "";

    /// <summary>Lower-cased email; the unique key used to find an account.</summary>
    public string NormalizedEmail { get; private set; } = "";

    public string DisplayName { get; private set; } = "";

    public string PasswordHash { get; private set; } = "";

    public Role Role { get; private set; }

    /// <summary>The language emails are written in: one of <see cref="Languages.Supported"/>.</summary>
    public string Language { get; private set; } = Languages.Default;

    /// <summary>When the owner proved control of <see cref="Email"/> (a verification link, or a password reset by email).</summary>
    public DateTimeOffset? EmailVerifiedAt { get; private set; }

    /// <summary>Set while an Admin has suspended the account: it cannot sign in, and its sessions were ended.</summary>
    public DateTimeOffset? SuspendedAt { get; private set; }

    public string? SuspensionReason { get; private set; }

    public bool IsSuspended => SuspendedAt is not null;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static User Register(string email, string displayName, string passwordHash, Role role, DateTimeOffset now, string language = Languages.Default)
    {
        Languages.Require(language);
        var user = new User
        {
            Language = language,
            Email = email.Trim(),
            NormalizedEmail = Normalize(email),
            DisplayName = displayName.Trim(),
            PasswordHash = passwordHash,
            Role = role,
            CreatedAt = now,
            UpdatedAt = now,
        };
        user.Raise(new UserRegistered(user.Id, user.Email, role));
        return user;
    }

    /// <summary>Self-registration may create students and instructors only; admins are provisioned.</summary>
    public static bool CanSelfRegisterAs(Role role) => role is Role.Student or Role.Instructor;

    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    public void Rename(string displayName, DateTimeOffset now)
    {
        if (DisplayName == displayName.Trim())
        {
            return;
        }

        DisplayName = displayName.Trim();
        UpdatedAt = now;
        Raise(new UserRenamed(Id));
    }

    public void ChangeLanguage(string language, DateTimeOffset now)
    {
        Languages.Require(language);
        if (Language != language)
        {
            Language = language;
            UpdatedAt = now;
        }
    }

    public void ChangePasswordHash(string passwordHash, DateTimeOffset now)
    {
        PasswordHash = passwordHash;
        UpdatedAt = now;
    }

    public void ChangeRole(Role role, DateTimeOffset now)
    {
        if (Role != role)
        {
            Role = role;
            UpdatedAt = now;
        }
    }

    public void Suspend(string reason, DateTimeOffset now)
    {
        if (IsSuspended)
        {
            throw new DomainException("ALREADY_SUSPENDED", "This account is already suspended.");
        }

        SuspendedAt = now;
        SuspensionReason = reason.Trim();
        UpdatedAt = now;
    }

    public void Reinstate(DateTimeOffset now)
    {
        if (!IsSuspended)
        {
            throw new DomainException("NOT_SUSPENDED", "This account is not suspended.");
        }

        SuspendedAt = null;
        SuspensionReason = null;
        UpdatedAt = now;
    }

    public void VerifyEmail(DateTimeOffset now)
    {
        if (EmailVerifiedAt is null)
        {
            EmailVerifiedAt = now;
            UpdatedAt = now;
        }
    }
}

public sealed record UserRegistered(Guid UserId, string Email, Role Role) : IDomainEvent;

/// <summary>Pages that show the user's name (an instructor's courses) must be refreshed.</summary>
public sealed record UserRenamed(Guid UserId) : IDomainEvent;
