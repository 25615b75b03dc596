using System.Net;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Payments.Commands;
using LectureHub.Domain.Payments;
using LectureHub.Infrastructure.Dashboard;
using LectureHub.IntegrationTests.Cohorts;
using LectureHub.IntegrationTests.Courses;
using LectureHub.IntegrationTests.Learning;
using LectureHub.IntegrationTests.Payments;
using LectureHub.IntegrationTests.Support;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LectureHub.IntegrationTests.Admin;

public sealed record FiguresView(
    int SignUps, int ActiveLearners, int Sales, int Refunds, long GrossKrw, long RefundedKrw, long NetRevenueKrw, long CommissionKrw, int Enrolments, int Applications);

public sealed record DayView(DateOnly Day, FiguresView Figures);

public sealed record TradeView(
    Guid? CategoryId, string? Slug, int Sales, int Refunds, long GrossKrw, long RefundedKrw, long NetRevenueKrw, long CommissionKrw, int Enrolments, int Applications);

public sealed record PlatformDashboardView(DateOnly From, DateOnly To, FiguresView Totals, List<DayView> Days, List<TradeView> Trades);

/// <summary>
/// The admin dashboard over the first week of November (Korea time), with sales, a refund, free enrolments, learning
/// and an application inside it and others just outside: every figure as expected, the days and the trades summing to
/// the totals, and the money equal to the ledger's own sums for the week.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class PlatformDashboardTests(PaymentApiFactory factory) : PaymentTest(factory)
{
    private static DateTimeOffset Kst(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.FromHours(9));

    [Fact]
    public async Task The_week_by_day_and_by_trade_adds_up_to_totals_that_equal_the_ledger()
    {
        // 31 October, 23:00 (outside the week): the instructor and the courses.
        Factory.Clock.At = Kst(10, 31, 23);
        var kim = await Client.SignUpAsync("kim@lecturehub.test", "Instructor");
        var welding = await Factory.WeldingCategoryAsync();
        var electrical = await Api.ScalarAsync<Guid>(ApiFactory.PrimaryConnectionString, "SELECT id FROM categories WHERE slug = 'electrical'");
        var tig = await Client.PublishedCourseAsync(kim, welding, "TIG 용접 실기", price: 39_000);
        var wiring = await Client.PublishedCourseAsync(kim, electrical, "내선 배선 기초", price: 20_000);
        var free = await Client.FreeCourseAsync(kim, welding, 1);

        // 1 November, 00:30 in Korea (still 31 October in UTC): A signs up and buys both courses.
        Factory.Clock.At = Kst(11, 1, 0, 30);
        var a = await Client.RegisterSignedInAsync("a@lecturehub.test");
        await PaidAsync(a.Tokens, tig.Id, wiring.Id);

        // 2 November: D signs up and enrols in the free course. 3 November: B signs up, buys TIG and applies to a cohort.
        Factory.Clock.At = Kst(11, 2, 9);
        var d = await Client.RegisterSignedInAsync("d@lecturehub.test");
        Assert.Equal(HttpStatusCode.Created, (await Client.SendAsync(HttpMethod.Post, $"/api/v1/courses/{free.Id}/enrollment", d.Tokens)).StatusCode);
        Factory.Clock.At = Kst(11, 3, 12);
        var b = await Client.RegisterSignedInAsync("b@lecturehub.test");
        var (bOrder, _) = await PaidAsync(b.Tokens, tig.Id);
        var cohort = await Client.CreateCohortAsync(await Factory.ReissuedAsync(kim), CohortApi.NewCohort(
            recruitStarts: Kst(11, 3, 11), recruitEnds: Kst(11, 10, 0), classStarts: Kst(11, 12, 9), categoryId: welding));
        Assert.Equal(HttpStatusCode.Created, (await Client.ApplyAsync(cohort.Id, b.Tokens)).StatusCode);

        // Learning: A on the 3rd and the 4th, D on the 4th (two learners, three learner-days).
        await Factory.WatchAsync(a.User.Id, tig.Id, (0, 60_000));
        Factory.Clock.At = Kst(11, 4, 20);
        await Factory.WatchAsync(a.User.Id, tig.Id, (0, 120_000));
        await Factory.WatchAsync(d.User.Id, free.Id, (0, 60_000));

        // 5 November: B's TIG refunded in full. 8 November (outside the week): C signs up and buys TIG.
        Factory.Clock.At = Kst(11, 5, 10);
        var refund = await SendAsync(new RequestRefundCommand(bOrder.Id, tig.Id, new RefundQuote("2026-11", 0, 39_000, 39_000, RefundRule.Full)));
        await SendAsync(new ProcessRefundWorkflow(bOrder.Id, refund.Id, "단순 변심"));
        Factory.Clock.At = Kst(11, 8, 0, 10);
        var c = await Client.RegisterSignedInAsync("c@lecturehub.test");
        await PaidAsync(c.Tokens, tig.Id);

        Factory.Clock.At = Kst(11, 20, 10);
        var admin = await Client.SignUpAsync("admin@lecturehub.test", "Admin");
        await Api.SettledAsync();
        var week = await (await Client.SendAsync(HttpMethod.Get, "/api/v1/admin/dashboard?from=2026-11-01&to=2026-11-07", admin)).ReadAsync<PlatformDashboardView>();

        // The ledger's own sums for the week, to the won.
        var ledger = (await Api.ScalarAsync<long[]>(ApiFactory.PrimaryConnectionString, """
            SELECT ARRAY[COALESCE(sum(amount_krw) FILTER (WHERE kind = 'Sale' AND account IN ('GatewayReceivable', 'GatewayFees')), 0),
                         COALESCE(-sum(amount_krw) FILTER (WHERE kind = 'Refund' AND account IN ('GatewayReceivable', 'GatewayFees')), 0),
                         COALESCE(-sum(amount_krw) FILTER (WHERE account = 'Commission'), 0)]::bigint[]
            FROM ledger_entries WHERE occurred_at >= @from AND occurred_at < @until
            """, ("from", Kst(11, 1, 0).ToUniversalTime()), ("until", Kst(11, 8, 0).ToUniversalTime())))!;
        var (gross, refunded, commission) = (ledger[0], ledger[1], ledger[2]);
        Assert.Equal((98_000L, 39_000L), (gross, refunded));
        Assert.True(commission > 0);

        var t = week.Totals;
        Assert.Equal((new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 7), 7), (week.From, week.To, week.Days.Count));
        Assert.Equal(new FiguresView(3, 2, 3, 1, gross, refunded, gross - refunded, commission, 4, 1), t);
        Assert.Equal((1, 2, 59_000L), (week.Days[0].Figures.SignUps, week.Days[0].Figures.Sales, week.Days[0].Figures.GrossKrw)); // 1 November, Korea time
        Assert.Equal([0, 0, 1, 2, 0, 0, 0], week.Days.Select(x => x.Figures.ActiveLearners));
        Assert.Equal((1, 39_000L), (week.Days[4].Figures.Refunds, week.Days[4].Figures.RefundedKrw));

        // The days sum to the totals (learners excepted: one learner on two days is one in the week), and so do the trades.
        var days = week.Days.Select(x => x.Figures).ToList();
        Assert.Equal((t.SignUps, t.Sales, t.Refunds, t.GrossKrw, t.RefundedKrw, t.NetRevenueKrw, t.CommissionKrw, t.Enrolments, t.Applications),
            (days.Sum(x => x.SignUps), days.Sum(x => x.Sales), days.Sum(x => x.Refunds), days.Sum(x => x.GrossKrw), days.Sum(x => x.RefundedKrw),
                days.Sum(x => x.NetRevenueKrw), days.Sum(x => x.CommissionKrw), days.Sum(x => x.Enrolments), days.Sum(x => x.Applications)));
        var trades = week.Trades;
        Assert.Equal((t.Sales, t.Refunds, t.GrossKrw, t.RefundedKrw, t.NetRevenueKrw, t.CommissionKrw, t.Enrolments, t.Applications),
            (trades.Sum(x => x.Sales), trades.Sum(x => x.Refunds), trades.Sum(x => x.GrossKrw), trades.Sum(x => x.RefundedKrw),
                trades.Sum(x => x.NetRevenueKrw), trades.Sum(x => x.CommissionKrw), trades.Sum(x => x.Enrolments), trades.Sum(x => x.Applications)));
        Assert.Equal([("electrical", 1, 0, 20_000L, 1, 0), ("welding", 2, 1, 39_000L, 3, 1)],
            trades.Select(x => (x.Slug, x.Sales, x.Refunds, x.NetRevenueKrw, x.Enrolments, x.Applications)).OrderBy(x => x.Slug));

        // The default range is the 30 days to today; C's purchase on the 8th is in it.
        var month = await (await Client.SendAsync(HttpMethod.Get, "/api/v1/admin/dashboard", admin)).ReadAsync<PlatformDashboardView>();
        Assert.Equal((new DateOnly(2026, 10, 22), new DateOnly(2026, 11, 20), 30, 4), (month.From, month.To, month.Days.Count, month.Totals.Sales));

        // Ended days roll up, once, from the first fact (31 October) to yesterday; the dashboard answers the same from
        // them, and today stays live: a sale now counts at once, and so does a new learner, but not one already counted.
        var rollup = Factory.Service<PlatformDayRollup>();
        await using (var other = new NpgsqlConnection(ApiFactory.PrimaryConnectionString))
        {
            // Another instance's turn (its lock held in an open transaction): this one leaves the days alone.
            await other.OpenAsync();
            await using var turn = await other.BeginTransactionAsync();
            await using var take = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({PlatformDayRollup.AdvisoryLock})", other, turn);
            await take.ExecuteNonQueryAsync();
            Assert.Null(await rollup.RollupAsync(CancellationToken.None));
            Assert.Equal(0L, await Api.ScalarAsync<long>(ApiFactory.PrimaryConnectionString, "SELECT count(*) FROM platform_days"));
        }

        Assert.Equal(20, await rollup.RollupAsync(CancellationToken.None));
        Assert.Equal(0, await rollup.RollupAsync(CancellationToken.None));
        Assert.Equal("2026-10-31 2026-11-19 20", await Api.ScalarAsync<string>(ApiFactory.PrimaryConnectionString,
            "SELECT min(day) || ' ' || max(day) || ' ' || count(*) FROM platform_days WHERE category_id IS NULL"));
        Assert.Equivalent(week, await (await Client.SendAsync(HttpMethod.Get, "/api/v1/admin/dashboard?from=2026-11-01&to=2026-11-07", admin))
            .ReadAsync<PlatformDashboardView>(), strict: true);
        var fourth = await (await Client.SendAsync(HttpMethod.Get, "/api/v1/admin/dashboard?from=2026-11-04&to=2026-11-07", admin)).ReadAsync<PlatformDashboardView>();
        Assert.Equal(2, fourth.Totals.ActiveLearners); // A too: their day before (the 3rd) is outside this range
        var e = await Client.RegisterSignedInAsync("e@lecturehub.test");
        await PaidAsync(e.Tokens, wiring.Id);
        await Factory.WatchAsync(e.User.Id, wiring.Id, (0, 60_000)); // a new learner in the month
        await Factory.WatchAsync(a.User.Id, tig.Id, (0, 180_000));   // A learned earlier in it: still one
        await Api.SettledAsync();
        var later = await (await Client.SendAsync(HttpMethod.Get, "/api/v1/admin/dashboard", admin)).ReadAsync<PlatformDashboardView>();
        Assert.Equal(month.Days.SkipLast(1).Select(x => x.Figures), later.Days.SkipLast(1).Select(x => x.Figures));
        Assert.Equal((5, month.Totals.GrossKrw + 20_000, 1, 1), (later.Totals.Sales, later.Totals.GrossKrw, later.Days[^1].Figures.Sales, later.Days[^1].Figures.SignUps - month.Days[^1].Figures.SignUps));
        Assert.Equal((2, 3, 2), (month.Totals.ActiveLearners, later.Totals.ActiveLearners, later.Days[^1].Figures.ActiveLearners));
    }

    [Fact]
    public async Task Only_admins_see_the_dashboard_and_a_range_is_checked()
    {
        var admin = await Client.SignUpAsync("admin@lecturehub.test", "Admin");
        foreach (var (range, field) in new[] { ("from=2026-11-07&to=2026-11-01", "to"), ("from=2025-01-01&to=2026-11-01", "from"), ("from=yesterday", "from") })
        {
            var problem = await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/admin/dashboard?{range}", admin)).ProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
            Assert.Contains(field, problem.Errors!.Keys);
        }

        foreach (var role in new[] { "Student", "Instructor" })
        {
            var user = await Client.SignUpAsync($"{role.ToLowerInvariant()}@lecturehub.test", role);
            await (await Client.SendAsync(HttpMethod.Get, "/api/v1/admin/dashboard", user)).ProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await Client.GetAsync("/api/v1/admin/dashboard")).StatusCode);
    }

    /// <summary>An order for the courses, charged at the gateway and recorded as paid now (as the webhook processor would).</summary>
    private async Task<(OrderView Order, string PaymentKey)> PaidAsync(Tokens student, params Guid[] courseIds)
    {
        var order = await (await Client.SendAsync(HttpMethod.Post, "/api/v1/orders", student, new { courseIds })).ReadAsync<OrderView>(HttpStatusCode.Created);
        var key = await Factory.Pg.CheckoutAsync(order.Id, order.AmountKrw);
        await Factory.Pg.ConfirmAtGatewayAsync(key, order.Id, order.AmountKrw);
        await SendAsync(new RecordPaymentCommand(order.Id, key, order.AmountKrw));
        return (order, key);
    }
}
