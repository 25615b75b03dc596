using System.Net;
using LectureHub.Application.Payments.Commands;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using LectureHub.IntegrationTests.Courses;
using LectureHub.IntegrationTests.Support;

namespace LectureHub.IntegrationTests.Payments;

public sealed record CouponView(Guid Id, string Code, Guid? InstructorId, int? PercentOff, long? AmountOffKrw, int UsageCap, int Redemptions);

/// <summary>Coupons over HTTP: who may make them, what they take off, and a use cap that holds under a rush.</summary>
public sealed class CouponTests(ApiFactory factory) : ApiTest(factory)
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Fact]
    public async Task An_instructors_coupon_discounts_only_their_courses_and_a_platform_coupon_needs_an_admin()
    {
        var category = await Factory.WeldingCategoryAsync();
        var kim = await Client.SignUpAsync("kim@lecturehub.test", "Instructor");
        var lee = await Client.SignUpAsync("lee@lecturehub.test", "Instructor");
        var welding = await Client.PublishedCourseAsync(kim, category, "TIG 용접 실기", price: 39_000);
        var plumbing = await Client.PublishedCourseAsync(lee, category, "배관 기초", price: 25_000);
        await CreateAsync(kim, new { code = "kim-10", percentOff = 10, validFrom = Now.AddHours(-1), validUntil = Now.AddDays(7), usageCap = 100 });
        await (await Client.SendAsync(HttpMethod.Post, "/api/v1/coupons", kim, new { code = "all-5000", amountOffKrw = 5_000, validFrom = Now, validUntil = Now.AddDays(1), usageCap = 1, platform = true }))
            .ProblemAsync(HttpStatusCode.Forbidden, "ADMIN_ONLY");
        await (await Client.SendAsync(HttpMethod.Post, "/api/v1/coupons", kim, new { code = "KIM-10", percentOff = 20, validFrom = Now, validUntil = Now.AddDays(1), usageCap = 1 }))
            .ProblemAsync(HttpStatusCode.Conflict, "COUPON_CODE_TAKEN");
        var invalid = await (await Client.SendAsync(HttpMethod.Post, "/api/v1/coupons", kim, new { code = "x", percentOff = 95, amountOffKrw = 10, validFrom = Now, validUntil = Now, usageCap = 0 }))
            .ProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.Equal(["code", "percentOff", "usageCap", "validUntil"], invalid.Errors!.Keys.Order());
        var student = await Client.SignUpAsync("student@lecturehub.test");

        var order = await (await PlaceAsync(student, "kim-10", welding.Id, plumbing.Id)).ReadAsync<OrderView>(HttpStatusCode.Created);

        Assert.Equal(39_000 - 3_900 + 25_000, order.AmountKrw);
        Assert.Equal([3_900L, 0L], order.Lines.Select(l => l.DiscountKrw));
        await (await PlaceAsync(student, "kim-10", plumbing.Id)).ProblemAsync(HttpStatusCode.Conflict, "COUPON_NOT_APPLICABLE");
        await (await PlaceAsync(student, "nope", plumbing.Id)).ProblemAsync(HttpStatusCode.NotFound, "COUPON_NOT_FOUND");

        var admin = await Client.SignUpAsync("admin@lecturehub.test", "Admin");
        await CreateAsync(admin, new { code = "WELCOME", amountOffKrw = 6_400, validFrom = Now.AddHours(-1), validUntil = Now.AddDays(1), usageCap = 10, platform = true });
        var both = await (await PlaceAsync(student, "welcome", welding.Id, plumbing.Id)).ReadAsync<OrderView>(HttpStatusCode.Created);
        Assert.Equal([3_900L, 2_500L], both.Lines.Select(l => l.DiscountKrw));
    }

    [Fact]
    public async Task A_rush_on_a_coupon_gets_exactly_its_cap_and_an_order_that_ends_unpaid_gives_its_use_back()
    {
        var kim = await Client.SignUpAsync("kim@lecturehub.test", "Instructor");
        var course = await Client.PublishedCourseAsync(kim, await Factory.WeldingCategoryAsync(), "TIG 용접 실기", price: 39_000);
        await CreateAsync(kim, new { code = "FIRST5", percentOff = 50, validFrom = Now.AddHours(-1), validUntil = Now.AddDays(1), usageCap = 5 });
        var students = new List<Tokens>();
        for (var i = 0; i < 20; i++)
        {
            students.Add(await Client.SignUpAsync($"student{i}@lecturehub.test"));
        }

        var answers = await Task.WhenAll(students.Select(async s =>
        {
            using var response = await PlaceAsync(s, "first5", course.Id);
            return response.StatusCode == HttpStatusCode.Created ? "Created" : (await response.ProblemAsync(HttpStatusCode.Conflict, "COUPON_EXHAUSTED")).Code;
        }));

        Assert.Equal(5, answers.Count(a => a == "Created"));
        Assert.Equal(15, answers.Count(a => a == "COUPON_EXHAUSTED"));
        Assert.Equal(5, await RedemptionsAsync("FIRST5"));

        // One buyer walks away: the order expires (as reconciliation closes it) and its use goes to the next buyer.
        var abandoned = await Api.ScalarAsync<Guid>(ApiFactory.PrimaryConnectionString, "SELECT id FROM orders ORDER BY created_at LIMIT 1");
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ISender>().Send(new CloseOrderCommand(abandoned, "EXPIRED"));
        }

        Assert.Equal(4, await RedemptionsAsync("FIRST5"));
        Assert.Equal(HttpStatusCode.Created, (await PlaceAsync(students[^1], "first5", course.Id)).StatusCode);
        Assert.Equal(5, await RedemptionsAsync("FIRST5"));
    }

    private async Task CreateAsync(Tokens user, object coupon) =>
        await (await Client.SendAsync(HttpMethod.Post, "/api/v1/coupons", user, coupon)).ReadAsync<CouponView>(HttpStatusCode.Created);

    private Task<HttpResponseMessage> PlaceAsync(Tokens student, string coupon, params Guid[] courseIds) =>
        Client.SendAsync(HttpMethod.Post, "/api/v1/orders", student, new { courseIds, couponCode = coupon });

    private static async Task<int> RedemptionsAsync(string code) =>
        await Api.ScalarAsync<int>(ApiFactory.PrimaryConnectionString, "SELECT redemptions FROM coupons WHERE code = @c", ("c", code));
}
