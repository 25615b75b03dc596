using LectureHub.Domain.Common;
using LectureHub.Domain.Payments;

namespace LectureHub.UnitTests.Domain;

public sealed class OrderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly OrderLine Tig = new(Guid.NewGuid(), "TIG 용접 실기", 39_000);
    private static readonly OrderLine Plumbing = new(Guid.NewGuid(), "배관 기초", 25_000);

    [Fact]
    public void The_amount_is_the_sum_of_the_prices_and_the_name_shows_the_first_course()
    {
        var order = Order.Place(Guid.NewGuid(), [Tig, Plumbing], Now);

        Assert.Equal((OrderStatus.Pending, 64_000L, "TIG 용접 실기 외 1건"), (order.Status, order.AmountKrw, order.Name));
        Assert.Equal("TIG 용접 실기", Order.Place(Guid.NewGuid(), [Tig], Now).Name);
    }

    [Fact]
    public void An_order_needs_one_to_twenty_distinct_paid_courses()
    {
        Assert.Equal("ORDER_LINES_INVALID", Assert.Throws<DomainValidationException>(() => Order.Place(Guid.NewGuid(), [], Now)).Code);
        Assert.Equal("ORDER_LINES_INVALID", Assert.Throws<DomainValidationException>(() => Order.Place(Guid.NewGuid(), [Tig, Tig], Now)).Code);
        Assert.Equal("COURSE_NOT_FOR_SALE", Assert.Throws<DomainValidationException>(() => Order.Place(Guid.NewGuid(), [Tig with { PriceKrw = 0 }], Now)).Code);
        var many = Enumerable.Range(0, 21).Select(i => new OrderLine(Guid.NewGuid(), $"{i}", 1_000)).ToList();
        Assert.Equal("ORDER_LINES_INVALID", Assert.Throws<DomainValidationException>(() => Order.Place(Guid.NewGuid(), many, Now)).Code);
    }

    [Fact]
    public void Paying_once_raises_order_paid_and_the_same_confirmation_again_changes_nothing()
    {
        var order = Order.Place(Guid.NewGuid(), [Tig, Plumbing], Now);

        Assert.True(order.MarkPaid("pay_1", 64_000, Now));
        Assert.False(order.MarkPaid("pay_1", 64_000, Now.AddMinutes(1)));

        Assert.Equal((OrderStatus.Paid, "pay_1", Now), (order.Status, order.PaymentKey, order.PaidAt!.Value));
        var paid = Assert.IsType<OrderPaid>(Assert.Single(order.DomainEvents));
        Assert.Equal([Tig.CourseId, Plumbing.CourseId], paid.CourseIds);
    }

    [Fact]
    public void A_wrong_amount_another_payment_or_a_settled_order_is_refused()
    {
        var order = Order.Place(Guid.NewGuid(), [Tig], Now);
        Assert.Equal("PAYMENT_AMOUNT_MISMATCH", Assert.Throws<DomainException>(() => order.MarkPaid("pay_1", 1_000, Now)).Code);
        Assert.Equal(OrderStatus.Pending, order.Status);

        order.MarkPaid("pay_1", 39_000, Now);
        Assert.Equal("ORDER_STATE_INVALID", Assert.Throws<DomainException>(() => order.MarkPaid("pay_2", 39_000, Now)).Code);
        Assert.Equal("ORDER_STATE_INVALID", Assert.Throws<DomainException>(() => order.Cancel(Now)).Code);
        Assert.Equal("ORDER_STATE_INVALID", Assert.Throws<DomainException>(() => order.Expire(Now)).Code);

        // CANCELED first: a late PAID cannot revive it (the gateway is asked to refund instead, later).
        var canceled = Order.Place(Guid.NewGuid(), [Tig], Now);
        canceled.Cancel(Now);
        canceled.Cancel(Now);
        Assert.Equal("ORDER_STATE_INVALID", Assert.Throws<DomainException>(() => canceled.MarkPaid("pay_3", 39_000, Now)).Code);
    }
}
