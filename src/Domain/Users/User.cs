using LectureHub.Domain.Common;
using LectureHub.Domain.Terms;

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

    /// <summary>The TOTP secret, encrypted by the server (never stored in the clear); set from enrolment on.</summary>
    public string? TotpSecret { get; private set; }

    /// <summary>When the first code confirmed enrolment: from then on, signing in takes a second step.</summary>
    public DateTimeOffset? TotpEnabledAt { get; private set; }

    /// <summary>The last TOTP time step accepted, so one code cannot be used twice.</summary>
    public long TotpLastStep { get; private set; }

    public bool HasTwoFactor => TotpEnabledAt is not null;

    /// <summary>When the owner deleted the account: its personal data is gone, its id stays for orders, ledger and certificates.</summary>
    public DateTimeOffset? DeletedAt { get; private set; }

    /// <summary>The name shown for a deleted account's reviews, posts and questions.</summary>
    public const string DeletedDisplayName = "탈퇴한 사용자";

    /// <summary>
    /// The version of the service terms this user agreed to; 0 for none yet (an account from before terms were
    /// versioned, or a social sign-up that has not agreed). Below the version in force, the API answers 403 TERMS_UPDATE_REQUIRED.
    /// </summary>
    public int ServiceTermsVersion { get; private set; }

    /// <summary>As <see cref="ServiceTermsVersion"/>, for the privacy terms.</summary>
    public int PrivacyTermsVersion { get; private set; }

    /// <summary>The marketing terms version agreed to; null while the user has not agreed, or withdrew.</summary>
    public int? MarketingTermsVersion { get; private set; }

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

    /// <summary>The domain of the stand-in address of an account a social sign-in made without a verified email (RFC 2606: never delivered).</summary>
    public const string NoEmailDomain = "no-email.invalid";

    /// <summary>
    /// An account made by a social sign-in: no password (it signs in with the provider until it sets one by a reset),
    /// and the provider's email only when the provider verified it. Otherwise a stand-in address that reaches nobody
    /// (<see cref="NeedsEmail"/>), because an unverified address must not claim, or block, the account of its owner.
    /// </summary>
    public static User RegisterExternal(string? verifiedEmail, string displayName, DateTimeOffset now)
    {
        var user = Register(verifiedEmail ?? "pending@" + NoEmailDomain, displayName, passwordHash: "", Role.Student, now);
        if (verifiedEmail is null)
        {
            user.Email = user.NormalizedEmail = $"pending-{user.Id:N}@{NoEmailDomain}";
            user.ClearDomainEvents();
            user.Raise(new UserRegistered(user.Id, user.Email, user.Role));
        }
        else
        {
            user.EmailVerifiedAt = now;
        }

        return user;
    }

    /// <summary>Whether the account has a password (social sign-ups have none until they set one with a reset link).</summary>
    public bool HasPassword => PasswordHash.Length > 0;

    /// <summary>Whether the account still has the stand-in address of a social sign-up and should be asked for a real one.</summary>
    public bool NeedsEmail => NormalizedEmail.EndsWith("@" + NoEmailDomain, StringComparison.Ordinal);

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

    /// <summary>Starts (or restarts) enrolment with a new secret; it counts only once <see cref="EnableTotp"/> confirms it.</summary>
    public void BeginTotpEnrolment(string protectedSecret, DateTimeOffset now)
    {
        if (HasTwoFactor)
        {
            throw new DomainException("TWO_FACTOR_ALREADY_ENABLED", "Two-factor sign-in is already on; turn it off first to enrol a new authenticator.");
        }

        TotpSecret = protectedSecret;
        TotpLastStep = 0;
        UpdatedAt = now;
    }

    /// <summary>The first code matched (at <paramref name="step"/>): two-factor sign-in is on.</summary>
    public void EnableTotp(long step, DateTimeOffset now)
    {
        if (TotpSecret is null || HasTwoFactor)
        {
            throw new DomainException("TWO_FACTOR_NOT_ENROLLING", "Start enrolment first (POST /me/2fa/totp).");
        }

        TotpEnabledAt = now;
        TotpLastStep = step;
        UpdatedAt = now;
    }

    /// <summary>Accepts a code matched at <paramref name="step"/> unless that step (or a later one) was used already.</summary>
    public bool AcceptTotpStep(long step)
    {
        if (step <= TotpLastStep)
        {
            return false;
        }

        TotpLastStep = step;
        return true;
    }

    public void DisableTotp(DateTimeOffset now)
    {
        if (!HasTwoFactor)
        {
            throw new DomainException("TWO_FACTOR_NOT_ENABLED", "Two-factor sign-in is not on.");
        }

        TotpSecret = null;
        TotpEnabledAt = null;
        TotpLastStep = 0;
        UpdatedAt = now;
    }

    /// <summary>
    /// Removes the personal data (email, name, password, second factor) and keeps the id, so the orders, ledger and
    /// certificates the law requires stay whole. The email becomes free for a new account; nobody can sign in to this one.
    /// </summary>
    public void Delete(DateTimeOffset now)
    {
        if (DeletedAt is not null)
        {
            return;
        }

        Email = NormalizedEmail = $"deleted-{Id:N}@deleted.invalid";
        DisplayName = DeletedDisplayName;
        PasswordHash = "";
        TotpSecret = null;
        TotpEnabledAt = null;
        EmailVerifiedAt = null;
        MarketingTermsVersion = null;
        DeletedAt = now;
        UpdatedAt = now;
        Raise(new UserRenamed(Id));
    }

    /// <summary>
    /// Records the user's answer to the terms: the required versions they agree to (never older than agreed before)
    /// and marketing (a version to agree to it, null to withdraw). Returns a decision for each change, for the history.
    /// </summary>
    public IReadOnlyList<TermsDecision> DecideTerms(int service, int privacy, int? marketing, DateTimeOffset now)
    {
        if (service < ServiceTermsVersion || privacy < PrivacyTermsVersion || service < 1 || privacy < 1 || marketing < 1)
        {
            throw new DomainException("TERMS_VERSION_INVALID", "Terms can only be agreed to at a version of 1 or more, never older than agreed before.");
        }

        var decisions = new List<TermsDecision>();
        if (service != ServiceTermsVersion)
        {
            decisions.Add(TermsDecision.Record(Id, TermsKind.Service, service, agreed: true, now));
            ServiceTermsVersion = service;
        }

        if (privacy != PrivacyTermsVersion)
        {
            decisions.Add(TermsDecision.Record(Id, TermsKind.Privacy, privacy, agreed: true, now));
            PrivacyTermsVersion = privacy;
        }

        if (marketing != MarketingTermsVersion)
        {
            decisions.Add(TermsDecision.Record(Id, TermsKind.Marketing, marketing ?? MarketingTermsVersion!.Value, agreed: marketing is not null, now));
            MarketingTermsVersion = marketing;
        }

        if (decisions.Count > 0)
        {
            UpdatedAt = now;
        }

        return decisions;
    }

    /// <summary>The address the owner proved control of with an email change link becomes the account's, verified.</summary>
    public void ChangeEmail(string email, DateTimeOffset now)
    {
        Email = email.Trim();
        NormalizedEmail = Normalize(email);
        EmailVerifiedAt = now;
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
