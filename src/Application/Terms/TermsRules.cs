using System.Globalization;
using FluentValidation;
using LectureHub.Application.Abstractions;

namespace LectureHub.Application.Terms;

/// <summary>An answer to the terms (at sign-up, or after a new version): the required ones at the versions in force, marketing at its version or null.</summary>
public sealed record TermsAgreement(int Service, int Privacy, int? Marketing);

internal static class TermsRules
{
    /// <summary>
    /// Refuses an agreement to anything but the versions in force, naming them, so a client that showed older text
    /// shows the new one. <paramref name="fields"/>: where the agreement sits in the body ("terms." at sign-up, "" when it is the body).
    /// </summary>
    public static IRuleBuilderOptionsConditions<T, TermsAgreement?> AgreesToCurrent<T>(this IRuleBuilder<T, TermsAgreement?> rule, ITermsCatalog catalog, string fields) =>
        rule.CustomAsync(async (agreement, context, ct) =>
        {
            var current = await catalog.CurrentAsync(ct);
            var hint = $"Read GET /api/v1/terms and agree to the versions in force (service {current.Service.Version}, privacy {current.Privacy.Version}).";
            if (agreement is null)
            {
                context.AddFailure(fields.Length > 0 ? fields.TrimEnd('.') : "service", $"Agreeing to the service and privacy terms is required. {hint}");
                return;
            }

            if (agreement.Service != current.Service.Version)
            {
                context.AddFailure(fields + "service", $"Agree to the service terms in force. {hint}");
            }

            if (agreement.Privacy != current.Privacy.Version)
            {
                context.AddFailure(fields + "privacy", $"Agree to the privacy terms in force. {hint}");
            }

            if (agreement.Marketing is { } marketing && marketing != current.Marketing?.Version)
            {
                context.AddFailure(fields + "marketing",
                    $"Agree to the marketing terms in force (version {current.Marketing?.Version.ToString(CultureInfo.InvariantCulture) ?? "none published"}), or send null to decline.");
            }
        });
}
