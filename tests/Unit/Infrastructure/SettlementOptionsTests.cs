using System.ComponentModel.DataAnnotations;
using LectureHub.Domain.Payments;
using LectureHub.Infrastructure.Payments;
using LectureHub.Infrastructure.Settlement;

namespace LectureHub.UnitTests.Infrastructure;

public sealed class SettlementOptionsTests
{
    [Fact]
    public void The_defaults_are_valid_and_become_the_default_terms()
    {
        var options = new SettlementOptions();

        Assert.Empty(Errors(options));
        Assert.Equal(SettlementTerms.Default, options.ToTerms());
    }

    [Fact]
    public void A_bad_nested_policy_or_tiers_out_of_order_are_refused_at_start_up()
    {
        Assert.Contains(Errors(new SettlementOptions { Refunds = new RefundPolicyOptions { Version = "" } }), e => e.StartsWith("Refunds:", StringComparison.Ordinal));
        Assert.Contains(Errors(new SettlementOptions { Refunds = new RefundPolicyOptions { FullRefundDays = 14, PartialRefundDays = 7 } }),
            e => e.Contains("prorated", StringComparison.Ordinal));
        Assert.NotEmpty(Errors(new SettlementOptions { CommissionPercent = 120 }));
    }

    private static List<string> Errors(SettlementOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results.Select(r => r.ErrorMessage!).ToList();
    }
}
