using LectureHub.Domain.Common;
using LectureHub.Domain.Payments;
using LectureHub.Domain.Settlement;

namespace LectureHub.UnitTests.Domain;

public sealed class SettlementTests
{
    private static readonly DateTimeOffset Paid = new(2026, 10, 5, 3, 0, 0, TimeSpan.Zero);
    private static readonly Guid Instructor = Guid.NewGuid();
    private static readonly OrderLine Line = new(Guid.NewGuid(), "전기기능사 실기", 39_000, Instructor);

    [Theory]
    [InlineData(0, 0.0, 39_000, RefundRule.Full)]
    [InlineData(7, 9.9, 39_000, RefundRule.Full)] // the 7th day, just under 10 %
    [InlineData(7, 10.0, 35_100, RefundRule.Prorated)] // 10 % watched: 90 % back
    [InlineData(8, 0.0, 39_000, RefundRule.Prorated)] // past 7 days, nothing watched: all of it, by the prorated rule
    [InlineData(30, 49.9, 19_539, RefundRule.Prorated)] // 39,000 × 50.1 % = 19,539 (rounded down)
    [InlineData(30, 50.0, 0, RefundRule.None)]
    [InlineData(31, 0.0, 0, RefundRule.None)]
    public void The_default_policy_refunds_in_full_then_prorated_then_nothing(int days, double progress, long amount, RefundRule rule)
    {
        var quote = RefundPolicy.Default.Quote(39_000, Paid, Paid.AddDays(days), progress);

        Assert.Equal((amount, rule, "2026-11", progress), (quote.AmountKrw, quote.Rule, quote.PolicyVersion, quote.ProgressPercent));
    }

    [Fact]
    public void A_sale_splits_into_fee_commission_and_the_instructors_net_and_its_legs_balance()
    {
        var split = SettlementTerms.Default.Split(39_000);
        Assert.Equal(new SaleSplit(39_000, 1_287, 11_700, 27_300), split);

        var legs = Ledger.Sale(Guid.NewGuid(), Line, split, Paid);
        Assert.Equal(0, legs.Sum(l => l.AmountKrw));
        Assert.Single(legs.Select(l => l.TransactionId).Distinct());
        Assert.Equal(-27_300, legs.Single(l => l.Account == LedgerAccount.InstructorPayable).AmountKrw);
        Assert.Equal(37_713, legs.Single(l => l.Account == LedgerAccount.GatewayReceivable).AmountKrw);
    }

    [Theory]
    [InlineData(39_000)]
    [InlineData(35_100)]
    [InlineData(1)]
    [InlineData(19_539)]
    public void A_refund_reverses_its_share_of_each_leg_and_balances(long refund)
    {
        var split = SettlementTerms.Default.Split(39_000);
        var sale = Ledger.Sale(Guid.NewGuid(), Line, split, Paid);
        var reversal = Ledger.Refund(Guid.NewGuid(), Line, split, refund, Paid.AddDays(1));

        Assert.Equal(0, reversal.Sum(l => l.AmountKrw));
        Assert.Equal(refund, reversal.Where(l => l.Account is LedgerAccount.GatewayReceivable or LedgerAccount.GatewayFees).Sum(l => -l.AmountKrw));
        if (refund == 39_000)
        {
            Assert.All(Enum.GetValues<LedgerAccount>(), account =>
                Assert.Equal(0, sale.Concat(reversal).Where(l => l.Account == account).Sum(l => l.AmountKrw)));
        }
    }

    [Fact]
    public void A_refund_of_nothing_or_more_than_the_sale_is_refused()
    {
        var split = SettlementTerms.Default.Split(39_000);
        Assert.Throws<DomainValidationException>(() => Ledger.Refund(Guid.NewGuid(), Line, split, 0, Paid));
        Assert.Throws<DomainValidationException>(() => Ledger.Refund(Guid.NewGuid(), Line, split, 39_001, Paid));
    }

    [Fact]
    public void A_statement_totals_its_entries_claims_them_and_pays_out_once()
    {
        var split = SettlementTerms.Default.Split(39_000);
        var entries = Ledger.Sale(Guid.NewGuid(), Line, split, Paid).Concat(Ledger.Sale(Guid.NewGuid(), Line, split, Paid))
            .Concat(Ledger.Refund(Guid.NewGuid(), Line, split, 39_000, Paid.AddDays(2))).ToList();
        var october = new DateOnly(2026, 10, 1);

        var statement = InstructorStatement.Close(Instructor, october, entries, InstructorStatement.EndOf(october))!;

        Assert.Equal((2, 1, 78_000L, 39_000L, 11_700L, 27_300L), (statement.SalesCount, statement.RefundCount, statement.GrossKrw, statement.RefundedKrw, statement.CommissionKrw, statement.NetKrw));
        Assert.All(entries, e => Assert.Equal(statement.Id, e.StatementId));
        var payout = statement.MarkPaid("KB-20261110-1", Paid.AddMonths(1));
        Assert.Equal((0L, 27_300L), (payout.Sum(l => l.AmountKrw), payout.Single(l => l.Account == LedgerAccount.InstructorPayable).AmountKrw));
        Assert.Equal("STATEMENT_ALREADY_PAID", Assert.Throws<DomainException>(() => statement.MarkPaid("again", Paid.AddMonths(1))).Code);
    }

    [Fact]
    public void A_month_closes_only_after_it_ends_in_Korea_and_one_that_owes_nothing_carries_over()
    {
        var october = new DateOnly(2026, 10, 1);
        Assert.Equal(new DateTimeOffset(2026, 10, 31, 15, 0, 0, TimeSpan.Zero), InstructorStatement.EndOf(october));
        var sale = Ledger.Sale(Guid.NewGuid(), Line, SettlementTerms.Default.Split(39_000), Paid);
        Assert.Equal("STATEMENT_MONTH_OPEN", Assert.Throws<DomainException>(() =>
            InstructorStatement.Close(Instructor, october, sale, InstructorStatement.EndOf(october).AddSeconds(-1))).Code);

        var split = SettlementTerms.Default.Split(39_000);
        var refundOnly = Ledger.Refund(Guid.NewGuid(), Line, split, 39_000, Paid);
        Assert.Null(InstructorStatement.Close(Instructor, october, refundOnly, InstructorStatement.EndOf(october)));
        Assert.All(refundOnly, e => Assert.Null(e.StatementId));
    }
}
