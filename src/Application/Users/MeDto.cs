using LectureHub.Domain.Users;

namespace LectureHub.Application.Users;

/// <summary>
/// The signed-in user's own profile, with the terms versions they agreed to (0: none; marketing null: declined), whether
/// it has a password (social sign-ups have none), and whether it still needs an email (a social sign-up without a verified one).
/// </summary>
public sealed record MeDto(
    Guid Id, string Email, string DisplayName, Role Role, string Language, DateTimeOffset CreatedAt, DateTimeOffset? EmailVerifiedAt, bool TwoFactorEnabled,
    int ServiceTermsVersion, int PrivacyTermsVersion, int? MarketingTermsVersion, bool HasPassword, bool EmailRequired)
{
    public static MeDto From(User user) =>
        new(user.Id, user.Email, user.DisplayName, user.Role, user.Language, user.CreatedAt, user.EmailVerifiedAt, user.HasTwoFactor,
            user.ServiceTermsVersion, user.PrivacyTermsVersion, user.MarketingTermsVersion, user.HasPassword, user.NeedsEmail);
}
