using FluentValidation;
using LectureHub.Domain.Users;

namespace LectureHub.Application.Users;

/// <summary>Field rules shared by the commands that accept them.</summary>
internal static class UserRules
{
    public const int MinPasswordLength = 10;
    public const int MaxPasswordLength = 128;

    public static IRuleBuilderOptions<T, string> ValidEmail<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(User.MaxEmailLength).EmailAddress();

    public static IRuleBuilderOptions<T, string> ValidDisplayName<T>(this IRuleBuilderInitial<T, string> rule) =>
        rule.Cascade(CascadeMode.Stop).NotEmpty().MaximumLength(User.MaxDisplayNameLength).Must(n => n.Trim().Length > 0).WithMessage("'{PropertyName}' must not be blank.");

    public static IRuleBuilderOptions<T, string?> SupportedLanguage<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(Languages.IsSupported).WithMessage($"'{{PropertyName}}' must be one of: {string.Join(", ", Languages.Supported)}.");

    public static IRuleBuilderOptions<T, string> ValidNewPassword<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MinimumLength(MinPasswordLength).MaximumLength(MaxPasswordLength);
}
