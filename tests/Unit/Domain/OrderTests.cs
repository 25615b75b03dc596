using LectureHub.Domain.Common;
using LectureHub.Domain.Payments;

namespace LectureHub.UnitTests.Domain;

public sealed class OrderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly OrderLine Tig = new(Guid.NewGuid(), "TIG 용접 실기", 39_000, Guid.NewGuid());
    private static readonly OrderLine Plumbing = new(Guid.NewGuid(), "배관 기초", 25_000, Guid.NewGuid());

    internal static Order Place(params OrderLine[] lines) => Order.Place(Guid.NewGuid(), lines, SettlementTerms.Default, null, Now);

    [Fact]
    public void The_amount_is_the_sum_of_the_prices_and_the_name_shows_the_first_course()
    {
        var order = Place(Tig, Plumbing);

        Assert.Equal((OrderStatus.Pending, 64_000L, "TIG 용접 실기 외 1건"), (order.Status, order.AmountKrw, order.Name));
        Assert.Equal("TIG 용접 실기", Place(Tig).Name);
    }

    [Fact]
    public void A_cohort_fee_line_is_refunded_by_its_cohort_in_full_whatever_the_policy()
    {
        var cohortId = Guid.NewGuid();
        var order = Place(new OrderLine(null, "TIG 주말반", 120_000, Guid.NewGuid(), CohortId: cohortId));
        order.MarkPaid("pay_1", 120_000, Now);

        var refund = order.RequestRefund(cohortId, SettlementTerms.Default.Refunds.InFull(120_000), Now.AddDays(60));

        Assert.Equal((cohortId, (Guid?)null, 120_000L), (refund.ItemId(), refund.CourseId, refund.AmountKrw));
        Assert.Equal([cohortId], Assert.IsType<OrderPaid>(Assert.Single(order.DomainEvents)).ItemIds);
        Assert.Equal("ORDER_LINE_NOT_FOUND", Assert.Throws<DomainException>(() => order.Line(Guid.NewGuid())).Code);
    }

    [Fact]
    public void An_order_needs_one_to_twenty_distinct_paid_courses()
    {
        Assert.Equal("ORDER_LINES_INVALID", Assert.Throws<DomainValidationException>(() => Place()).Code);
        Assert.Equal("ORDER_LINES_INVALID", Assert.Throws<DomainValidationException>(() => Place(Tig, Tig)).Code);
        Assert.Equal("COURSE_NOT_FOR_SALE", Assert.Throws<DomainValidationException>(() => Place(Tig with { PriceKrw = 0 })).Code);
        var many = Enumerable.Range(0, 21).Select(i => new OrderLine(Guid.NewGuid(), $"{i}", 1_000, Guid.NewGuid())).ToArray();
        Assert.Equal("ORDER_LINES_INVALID", Assert.Throws<DomainValidationException>(() => Place(many)).Code);
    }

    [Fact]
    public void Paying_once_raises_order_paid_and_the_same_confirmation_again_changes_nothing()
    {
        var order = Place(Tig, Plumbing);

        Assert.True(order.MarkPaid("pay_1", 64_000, Now));
        Assert.False(order.MarkPaid("pay_1", 64_000, Now.AddMinutes(1)));

        Assert.Equal((OrderStatus.Paid, "pay_1", Now), (order.Status, order.PaymentKey, order.PaidAt!.Value));
        var paid = Assert.IsType<OrderPaid>(Assert.Single(order.DomainEvents));
        Assert.Equal([Tig.ItemId(), Plumbing.ItemId()], paid.ItemIds);
    }

    [Fact]
    public void A_wrong_amount_another_payment_or_a_settled_order_is_refused()
    {
        var order = Place(Tig);
        Assert.Equal("PAYMENT_AMOUNT_MISMATCH", Assert.Throws<DomainException>(() => order.MarkPaid("pay_1", 1_000, Now)).Code);
        Assert.Equal(OrderStatus.Pending, order.Status);

        order.MarkPaid("pay_1", 39_000, Now);
        Assert.Equal("ORDER_STATE_INVALID", Assert.Throws<DomainException>(() => order.MarkPaid("pay_2", 39_000, Now)).Code);
        Assert.Equal("ORDER_STATE_INVALID", Assert.Throws<DomainException>(() => order.Cancel(Now)).Code);
        Assert.Equal("ORDER_STATE_INVALID", Assert.Throws<DomainException>(() => order.Expire(Now)).Code);

        // CANCELED first: a late PAID cannot revive it (the gateway is asked to refund instead, later).
        var canceled = Place(Tig);
        canceled.Cancel(Now);
        canceled.Cancel(Now);
        Assert.Equal("ORDER_STATE_INVALID", Assert.Throws<DomainException>(() => canceled.MarkPaid("pay_3", 39_000, Now)).Code);
    }

    [Fact]
    public void Refunding_every_course_refunds_the_order_and_one_course_of_two_refunds_it_partly()
    {
        var order = Place(Tig, Plumbing);
        order.MarkPaid("pay_1", 64_000, Now);

        var first = order.RequestRefund(Tig.ItemId(), Full(39_000), Now);
        Assert.Same(first, order.RequestRefund(Tig.ItemId(), Full(39_000), Now)); // asking again resumes it
        Assert.Equal("REFUND_IN_PROGRESS", Assert.Throws<DomainException>(() => order.RequestRefund(Plumbing.ItemId(), Full(25_000), Now)).Code);
        Assert.Equal(OrderStatus.Paid, order.Status);

        Assert.True(order.CompleteRefund(first.Id, Now));
        Assert.False(order.CompleteRefund(first.Id, Now));
        Assert.Equal((OrderStatus.PartiallyRefunded, 39_000L), (order.Status, order.RefundedKrw));
        Assert.Equal("ALREADY_REFUNDED", Assert.Throws<DomainException>(() => order.RequestRefund(Tig.ItemId(), Full(39_000), Now)).Code);

        var prorated = order.RequestRefund(Plumbing.ItemId(), new RefundQuote("v", 20, 25_000, 20_000, RefundRule.Prorated), Now);
        order.CompleteRefund(prorated.Id, Now);
        Assert.Equal((OrderStatus.Refunded, 59_000L), (order.Status, order.RefundedKrw));
    }

    [Fact]
    public void A_refund_needs_a_paid_order_a_quote_with_money_in_it_and_no_more_than_was_paid()
    {
        var pending = Place(Tig);
        Assert.Equal("ORDER_STATE_INVALID", Assert.Throws<DomainException>(() => pending.RequestRefund(Tig.ItemId(), Full(39_000), Now)).Code);

        var order = Place(Tig);
        order.MarkPaid("pay_1", 39_000, Now);
        Assert.Equal("REFUND_NOT_ALLOWED", Assert.Throws<DomainException>(() => order.RequestRefund(Tig.ItemId(), new RefundQuote("v", 80, 39_000, 0, RefundRule.None), Now)).Code);
        Assert.Equal("REFUND_NOT_ALLOWED", Assert.Throws<DomainException>(() => order.RequestRefund(Tig.ItemId(), Full(39_001), Now)).Code);
        Assert.Equal("ORDER_LINE_NOT_FOUND", Assert.Throws<DomainException>(() => order.RequestRefund(Guid.NewGuid(), Full(1), Now)).Code);

        // The gateway refused: the request is dropped and may be made again.
        var refused = order.RequestRefund(Tig.ItemId(), Full(39_000), Now);
        order.AbandonRefund(refused.Id, Now);
        Assert.Empty(order.Refunds);
        Assert.NotEqual(refused.Id, order.RequestRefund(Tig.ItemId(), Full(39_000), Now).Id);
    }

    [Fact]
    public void A_discount_must_leave_the_gateway_minimum_and_the_amount_is_what_is_paid()
    {
        Assert.Equal("ORDER_LINES_INVALID", Assert.Throws<DomainValidationException>(() => Place(Tig with { DiscountKrw = 38_950 })).Code);
        Assert.Equal(29_000, Place(Tig with { DiscountKrw = 10_000 }).AmountKrw);
    }

    private static RefundQuote Full(long amount) => new("v", 0, amount, amount, RefundRule.Full);
}
