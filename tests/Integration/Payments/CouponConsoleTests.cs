using System.Net;
using LectureHub.IntegrationTests.Courses;
using LectureHub.IntegrationTests.Support;

namespace LectureHub.IntegrationTests.Payments;

/// <summary>An instructor's coupons (issue #22): listed with their use and the discount paid orders got, and withdrawn by their owner only.</summary>
[Collection(ApiCollection.Name)]
public sealed class CouponConsoleTests(PaymentApiFactory factory) : PaymentTest(factory)
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private sealed record CouponUsage(Guid Id, string Code, int UsageCap, int Redemptions, DateTimeOffset? DisabledAt, int PaidOrders, long DiscountGivenKrw);

    private sealed record CouponPage(List<CouponUsage> Items, string? NextCursor);

    [Fact]
    public async Task An_instructor_sees_each_coupons_use_and_withdraws_it_and_nobody_else_can()
    {
        var kim = await Client.SignUpAsync("kim@lecturehub.test", "Instructor");
        var lee = await Client.SignUpAsync("lee@lecturehub.test", "Instructor");
        var admin = await Client.SignUpAsync("admin@lecturehub.test", "Admin");
        var course = await Client.PublishedCourseAsync(kim, await Factory.WeldingCategoryAsync(), "TIG 용접 실기", price: 39_000);
        var coupon = await (await Client.SendAsync(HttpMethod.Post, "/api/v1/coupons", kim,
            new { code = "KIM-10", percentOff = 10, validFrom = Now.AddHours(-1), validUntil = Now.AddDays(7), usageCap = 5 })).ReadAsync<CouponView>(HttpStatusCode.Created);
        await (await Client.SendAsync(HttpMethod.Post, "/api/v1/coupons", kim,
            new { code = "KIM-OLD", amountOffKrw = 1_000, validFrom = Now.AddHours(-1), validUntil = Now.AddDays(1), usageCap = 1 })).ReadAsync<CouponView>(HttpStatusCode.Created);
        await (await Client.SendAsync(HttpMethod.Post, "/api/v1/coupons", admin,
            new { code = "ALL-5", percentOff = 5, validFrom = Now.AddHours(-1), validUntil = Now.AddDays(1), usageCap = 1, platform = true })).ReadAsync<CouponView>(HttpStatusCode.Created);

        var buyer = await Client.SignUpAsync("buyer@lecturehub.test");
        var order = await (await Client.SendAsync(HttpMethod.Post, "/api/v1/orders", buyer, new { courseIds = new[] { course.Id }, couponCode = "kim-10" }))
            .ReadAsync<OrderView>(HttpStatusCode.Created);
        var key = await Factory.Pg.CheckoutAsync(order.Id, order.AmountKrw);
        await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/orders/{order.Id}/confirm", buyer, new { paymentKey = key, amount = order.AmountKrw })).ReadAsync<OrderView>();
        var pendingBuyer = await Client.SignUpAsync("pending@lecturehub.test");
        await (await Client.SendAsync(HttpMethod.Post, "/api/v1/orders", pendingBuyer, new { courseIds = new[] { course.Id }, couponCode = "KIM-10" })).ReadAsync<OrderView>(HttpStatusCode.Created);

        var mine = await (await Client.SendAsync(HttpMethod.Get, "/api/v1/coupons", kim)).ReadAsync<CouponPage>();
        Assert.Equal(["KIM-OLD", "KIM-10"], mine.Items.Select(c => c.Code)); // newest first
        Assert.Equal(new CouponUsage(coupon.Id, "KIM-10", 5, 2, null, 1, 3_900), mine.Items[1]);
        Assert.Empty((await (await Client.SendAsync(HttpMethod.Get, "/api/v1/coupons", lee)).ReadAsync<CouponPage>()).Items);
        Assert.Equal(["ALL-5"], (await (await Client.SendAsync(HttpMethod.Get, "/api/v1/coupons", admin)).ReadAsync<CouponPage>()).Items.Select(c => c.Code));

        await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/coupons/{coupon.Id}/disable", lee)).ProblemAsync(HttpStatusCode.NotFound, "COUPON_NOT_FOUND");
        var disabled = await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/coupons/{coupon.Id}/disable", kim)).ReadAsync<CouponUsage>();
        Assert.NotNull(disabled.DisabledAt);
        var late = await Client.SignUpAsync("late@lecturehub.test");
        await (await Client.SendAsync(HttpMethod.Post, "/api/v1/orders", late, new { courseIds = new[] { course.Id }, couponCode = "KIM-10" }))
            .ProblemAsync(HttpStatusCode.Conflict, "COUPON_DISABLED");
        Assert.Equal(39_000 - 3_900, (await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/orders/{order.Id}", buyer)).ReadAsync<OrderView>()).AmountKrw);
        await (await Client.SendAsync(HttpMethod.Get, "/api/v1/coupons", buyer)).ProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
    }
}
