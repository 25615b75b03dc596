using System.ComponentModel.DataAnnotations;
using LectureHub.Domain.Payments;

namespace LectureHub.Infrastructure.Settlement;

/// <summary>
/// The money terms new orders are placed under (section <c>Settlement</c>); each order keeps the terms it was placed
/// with. Change <see cref="RefundPolicyOptions.Version"/> whenever the refund rule changes, so quotes name the rule they apply.
/// </summary>
public sealed class SettlementOptions : IValidatableObject
{
    public const string Section = "Settlement";

    /// <summary>The platform's share of what the buyer paid, in percent.</summary>
    [Range(0, 100)]
    public decimal CommissionPercent { get; set; } = SettlementTerms.Default.CommissionPercent;

    /// <summary>The gateway's fee on what the buyer paid, in percent (the platform bears it).</summary>
    [Range(0, 20)]
    public decimal GatewayFeePercent { get; set; } = SettlementTerms.Default.GatewayFeePercent;

    [Required]
    public RefundPolicyOptions Refunds { get; set; } = new();

    /// <summary>The nested policy too (data annotations stop at the first level), and its tiers in order.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(Refunds, new ValidationContext(Refunds), results, validateAllProperties: true);
        foreach (var result in results)
        {
            yield return new ValidationResult($"Refunds: {result.ErrorMessage}", result.MemberNames.Select(m => $"{nameof(Refunds)}.{m}"));
        }

        if (Refunds.PartialRefundDays < Refunds.FullRefundDays || Refunds.PartialRefundBelowPercent < Refunds.FullRefundBelowPercent)
        {
            yield return new ValidationResult("The prorated refund tier must reach at least as far as the full one (days and progress).", [nameof(Refunds)]);
        }
    }

    public SettlementTerms ToTerms() => new(
        new RefundPolicy(Refunds.Version, Refunds.FullRefundDays, Refunds.FullRefundBelowPercent, Refunds.PartialRefundDays, Refunds.PartialRefundBelowPercent),
        CommissionPercent, GatewayFeePercent);
}
