using LectureHub.Domain.Common;

namespace LectureHub.Domain.Payments;

/// <summary>
/// When a purchase may be refunded, and how much. A versioned rule, frozen on the order when it is placed, so a later
/// change of policy never changes what an earlier buyer was promised:
/// <list type="bullet">
/// <item>within <see cref="FullRefundDays"/> of payment while verified progress is below <see cref="FullRefundBelowPercent"/>: everything paid;</item>
/// <item>else within <see cref="PartialRefundDays"/> while progress is below <see cref="PartialRefundBelowPercent"/>:
/// what was paid × the share not yet watched, rounded down to the won;</item>
/// <item>else nothing.</item>
/// </list>
/// </summary>
public sealed record RefundPolicy(string Version, int FullRefundDays, double FullRefundBelowPercent, int PartialRefundDays, double PartialRefundBelowPercent)
{
    public static readonly RefundPolicy Default = new("2026-11", 7, 10, 30, 50);

    public RefundQuote Quote(long paidKrw, DateTimeOffset paidAt, DateTimeOffset now, double progressPercent)
    {
        var age = now - paidAt;
        if (age <= TimeSpan.FromDays(FullRefundDays) && progressPercent < FullRefundBelowPercent)
        {
            return new RefundQuote(Version, progressPercent, paidKrw, paidKrw, RefundRule.Full);
        }

        if (age <= TimeSpan.FromDays(PartialRefundDays) && progressPercent < PartialRefundBelowPercent)
        {
            return new RefundQuote(Version, progressPercent, paidKrw, (long)Math.Floor(paidKrw * (100 - progressPercent) / 100), RefundRule.Prorated);
        }

        return new RefundQuote(Version, progressPercent, paidKrw, 0, RefundRule.None);
    }

    /// <summary>Everything paid, whatever the policy says: the sale could not be delivered (a cohort seat lost or called off).</summary>
    public RefundQuote InFull(long paidKrw) => new(Version, 0, paidKrw, paidKrw, RefundRule.Full);
}

public enum RefundRule
{
    Full,
    Prorated,
    None,
}

/// <summary>What a refund of one course would return now, under the order's policy version.</summary>
public sealed record RefundQuote(string PolicyVersion, double ProgressPercent, long PaidKrw, long AmountKrw, RefundRule Rule);

/// <summary>One sale's money: what the buyer paid, the gateway's fee, the platform's commission and the instructor's share.</summary>
public sealed record SaleSplit(long GrossKrw, long GatewayFeeKrw, long CommissionKrw, long InstructorNetKrw);

/// <summary>
/// The money terms of an order, frozen on it at placing: the refund policy, the gateway's fee and the platform's
/// commission, both percentages of what the buyer paid. The platform bears the gateway fee out of its commission, so
/// an instructor's share is the paid price less the commission, whatever the payment method cost.
/// </summary>
public sealed record SettlementTerms(RefundPolicy Refunds, decimal CommissionPercent, decimal GatewayFeePercent)
{
    public static readonly SettlementTerms Default = new(RefundPolicy.Default, 30m, 3.3m);

    public SaleSplit Split(long grossKrw)
    {
        if (grossKrw < 0)
        {
            throw new DomainValidationException("AMOUNT_INVALID", "A sale cannot be negative.");
        }

        var fee = Percent(grossKrw, GatewayFeePercent);
        var commission = Percent(grossKrw, CommissionPercent);
        return new SaleSplit(grossKrw, fee, commission, grossKrw - commission);
    }

    private static long Percent(long amount, decimal percent) => (long)Math.Round(amount * percent / 100m, MidpointRounding.AwayFromZero);
}
