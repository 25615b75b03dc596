using LectureHub.Domain.Common;
using LectureHub.Domain.Payments;

namespace LectureHub.UnitTests.Domain;

public sealed class CouponTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Kim = Guid.NewGuid();
    private static readonly OrderLine Welding = new(Guid.NewGuid(), "용접", 30_000, Kim);
    private static readonly OrderLine Wiring = new(Guid.NewGuid(), "배선", 10_000, Kim);
    private static readonly OrderLine Plumbing = new(Guid.NewGuid(), "배관", 20_000, Guid.NewGuid());

    private static Coupon Make(Guid? instructor, int? percent, long? amount) =>
        Coupon.Create("weld-10", instructor, percent, amount, Now.AddDays(-1), Now.AddDays(1), 100, Now);

    [Fact]
    public void A_platform_percentage_comes_off_every_line_and_an_instructors_only_off_theirs()
    {
        Assert.Equal([3_000L, 1_000L, 2_000L], Make(null, 10, null).Apply([Welding, Wiring, Plumbing], Now).Select(l => l.DiscountKrw));
        Assert.Equal([3_000L, 1_000L, 0L], Make(Kim, 10, null).Apply([Welding, Wiring, Plumbing], Now).Select(l => l.DiscountKrw));
        Assert.Equal("WELD-10", Make(null, 10, null).Code);
    }

    [Fact]
    public void An_amount_is_spread_by_price_over_the_eligible_lines_to_the_won()
    {
        var lines = Make(Kim, null, 5_001).Apply([Welding, Plumbing, Wiring], Now);

        Assert.Equal([3_750L, 0L, 1_251L], lines.Select(l => l.DiscountKrw));
        Assert.Equal(5_001, lines.Sum(l => l.DiscountKrw));
    }

    [Fact]
    public void A_line_keeps_the_gateway_minimum_however_large_the_coupon()
    {
        var lines = Make(null, null, 1_000_000).Apply([Wiring], Now);

        Assert.Equal(Order.MinLineKrw, Assert.Single(lines).PaidKrw);
    }

    [Fact]
    public void A_coupon_outside_its_window_or_for_none_of_the_courses_is_refused()
    {
        Assert.Equal("COUPON_NOT_VALID_NOW", Assert.Throws<DomainException>(() => Make(null, 10, null).Apply([Welding], Now.AddDays(1))).Code);
        Assert.Equal("COUPON_NOT_VALID_NOW", Assert.Throws<DomainException>(() => Make(null, 10, null).Apply([Welding], Now.AddDays(-2))).Code);
        Assert.Equal("COUPON_NOT_APPLICABLE", Assert.Throws<DomainException>(() => Make(Kim, 10, null).Apply([Plumbing], Now)).Code);
    }

    [Fact]
    public void A_coupon_takes_a_percentage_or_an_amount_within_limits()
    {
        Assert.Equal("COUPON_DISCOUNT_INVALID", Assert.Throws<DomainValidationException>(() => Make(null, 10, 1_000)).Code);
        Assert.Equal("COUPON_DISCOUNT_INVALID", Assert.Throws<DomainValidationException>(() => Make(null, null, null)).Code);
        Assert.Equal("COUPON_DISCOUNT_INVALID", Assert.Throws<DomainValidationException>(() => Make(null, 91, null)).Code);
        Assert.Equal("COUPON_TERMS_INVALID", Assert.Throws<DomainValidationException>(() =>
            Coupon.Create("X", null, 10, null, Now, Now, 1, Now)).Code);
    }
}
