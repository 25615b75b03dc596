using System.Net;
using LectureHub.Application.Payments.Commands;
using LectureHub.Infrastructure.Payments;
using LectureHub.IntegrationTests.Learning;
using LectureHub.IntegrationTests.Support;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace LectureHub.IntegrationTests.Payments;

public sealed record RefundQuoteView(Guid OrderId, Guid CourseId, PolicyView Policy, double ProgressPercent, long PaidKrw, long AmountKrw, string Rule, bool Refundable);

public sealed record PolicyView(string Version, int FullRefundDays, double FullRefundBelowPercent);

public sealed record RefundView(Guid RefundId, Guid OrderId, Guid CourseId, long AmountKrw, string PolicyVersion, double ProgressPercent, string Status, string OrderStatus);

/// <summary>
/// Refunds by verified progress, through the simulator's cancel API: the quote follows the order's frozen policy and
/// the server's watch record, the gateway returns exactly the quoted money once, and the enrolment and ledger follow.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RefundTests(PaymentApiFactory factory) : PaymentTest(factory)
{
    [Fact]
    public async Task A_course_refunded_early_returns_everything_paid_for_it_and_only_that_course_ends()
    {
        var (student, order) = await Client.PaidTwoCourseOrderAsync(Factory);
        var tig = order.Lines[0];
        var enrollment = await EnrollmentIdAsync(tig.CourseId);

        var quote = await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/enrollments/{enrollment}/refund-quote", student)).ReadAsync<RefundQuoteView>();
        Assert.Equal(("2026-11", 0.0, 39_000L, 39_000L, "Full", true), (quote.Policy.Version, quote.ProgressPercent, quote.PaidKrw, quote.AmountKrw, quote.Rule, quote.Refundable));

        var refund = await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/enrollments/{enrollment}/refund", student, new { reason = "일정 변경" })).ReadAsync<RefundView>();

        Assert.Equal((39_000L, "Completed", "PartiallyRefunded"), (refund.AmountKrw, refund.Status, refund.OrderStatus));
        Assert.Equal("Refunded", await EnrollmentStatusAsync(tig.CourseId));
        Assert.Equal("Active", await EnrollmentStatusAsync(order.Lines[1].CourseId));
        var payment = await Factory.Pg.PaymentAsync(order.Id);
        Assert.Equal(("PARTIAL_CANCELED", 25_000L), (payment.Status, payment.BalanceAmount));

        // Asking again: the enrolment is over, nothing more is returned.
        await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/enrollments/{enrollment}/refund", student)).ProblemAsync(HttpStatusCode.Conflict, "ENROLLMENT_NOT_REFUNDABLE");
        Assert.Equal(25_000L, (await Factory.Pg.PaymentAsync(order.Id)).BalanceAmount);

        // The second course too: the order is refunded, the payment canceled.
        var second = await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/enrollments/{await EnrollmentIdAsync(order.Lines[1].CourseId)}/refund", student)).ReadAsync<RefundView>();
        Assert.Equal("Refunded", second.OrderStatus);
        Assert.Equal(("CANCELED", 0L), ((await Factory.Pg.PaymentAsync(order.Id)).Status, (await Factory.Pg.PaymentAsync(order.Id)).BalanceAmount));
        Assert.Equal(64_000L, (await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/orders/{order.Id}", student)).ReadAsync<OrderView>()).RefundedKrw);
    }

    [Fact]
    public async Task A_discounted_course_is_settled_and_refunded_at_what_the_buyer_paid()
    {
        var (student, order) = await Client.TwoCourseOrderAsync(Factory);
        var instructor = await Client.LoginAsync("instructor@lecturehub.test");
        await (await Client.SendAsync(HttpMethod.Post, "/api/v1/coupons", instructor,
            new { code = "SPRING", amountOffKrw = 6_400, validFrom = DateTimeOffset.UtcNow.AddHours(-1), validUntil = DateTimeOffset.UtcNow.AddDays(1), usageCap = 10 }))
            .ReadAsync<CouponView>(HttpStatusCode.Created);
        var discounted = await (await Client.SendAsync(HttpMethod.Post, "/api/v1/orders", student,
            new { courseIds = order.Lines.Select(l => l.CourseId), couponCode = "spring" })).ReadAsync<OrderView>(HttpStatusCode.Created);
        Assert.Equal([35_100L, 22_500L], discounted.Lines.Select(l => l.PaidKrw));
        var key = await Factory.Pg.CheckoutAsync(discounted.Id, discounted.AmountKrw);
        await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/orders/{discounted.Id}/confirm", student, new { paymentKey = key, amount = 57_600 })).ReadAsync<OrderView>();

        var refund = await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/enrollments/{await EnrollmentIdAsync(order.Lines[0].CourseId)}/refund", student)).ReadAsync<RefundView>();

        Assert.Equal(35_100L, refund.AmountKrw);
        Assert.Equal(22_500L, (await Factory.Pg.PaymentAsync(discounted.Id)).BalanceAmount);
        // The instructor's share was computed on 35,100 and is given back in full: 35,100 − 30 % = 24,570.
        Assert.Equal(24_570L, await Api.ScalarAsync<long>(ApiFactory.PrimaryConnectionString,
            "SELECT sum(amount_krw)::bigint FROM ledger_entries WHERE account = 'InstructorPayable' AND kind = 'Refund'"));
    }

    [Fact]
    public async Task Concurrent_refunds_of_one_enrolment_return_the_money_once()
    {
        var (student, order) = await Client.PaidTwoCourseOrderAsync(Factory);
        var course = order.Lines[0].CourseId;
        var enrollment = await EnrollmentIdAsync(course);

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            using var response = await Client.SendAsync(HttpMethod.Post, $"/api/v1/enrollments/{enrollment}/refund", student);
            return response.StatusCode == HttpStatusCode.OK
                ? (await response.ReadAsync<RefundView>()).RefundId.ToString()
                : (await response.ReadAsync<Problem>(HttpStatusCode.Conflict)).Code;
        }));

        // Whoever answered 200 answered with the same refund; the rest came after it completed and were told so.
        string[] late = ["ENROLLMENT_NOT_REFUNDABLE", "ALREADY_REFUNDED"];
        Assert.Single(answers.Where(a => !late.Contains(a)).Distinct());
        Assert.Equal(25_000L, (await Factory.Pg.PaymentAsync(order.Id)).BalanceAmount);
        Assert.Equal(1L, await Api.ScalarAsync<long>(ApiFactory.PrimaryConnectionString,
            "SELECT count(DISTINCT transaction_id) FROM ledger_entries WHERE kind = 'Refund' AND order_id = @id", ("id", order.Id)));
        Assert.Equal("Refunded", await EnrollmentStatusAsync(course));
    }

    [Fact]
    public async Task Verified_progress_decides_the_amount_and_past_the_limits_nothing_is_refunded()
    {
        var (student, order) = await Client.PaidTwoCourseOrderAsync(Factory);
        var tig = order.Lines[0];
        var enrollment = await EnrollmentIdAsync(tig.CourseId);
        // 3 lectures of 600 s: 360 s watched (twice over the same stretch, which counts once) is 20 %.
        await Factory.WatchAsync(tig.CourseId, (0, 360_000), (0, 360_000));

        var quote = await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/enrollments/{enrollment}/refund-quote", student)).ReadAsync<RefundQuoteView>();
        Assert.Equal((20.0, 31_200L, "Prorated"), (quote.ProgressPercent, quote.AmountKrw, quote.Rule));

        var refund = await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/enrollments/{enrollment}/refund", student)).ReadAsync<RefundView>();
        Assert.Equal((31_200L, 20.0, "2026-11"), (refund.AmountKrw, refund.ProgressPercent, refund.PolicyVersion));
        Assert.Equal(64_000L - 31_200L, (await Factory.Pg.PaymentAsync(order.Id)).BalanceAmount);

        // Half the other course watched: nothing is due, and the gateway is not asked.
        var pipe = await EnrollmentIdAsync(order.Lines[1].CourseId);
        await Factory.WatchAsync(order.Lines[1].CourseId, (0, 600_000), (1, 300_000));
        var none = await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/enrollments/{pipe}/refund-quote", student)).ReadAsync<RefundQuoteView>();
        Assert.Equal((50.0, 0L, "None", false), (none.ProgressPercent, none.AmountKrw, none.Rule, none.Refundable));
        await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/enrollments/{pipe}/refund", student)).ProblemAsync(HttpStatusCode.Conflict, "REFUND_NOT_ALLOWED");
        Assert.Equal(64_000L - 31_200L, (await Factory.Pg.PaymentAsync(order.Id)).BalanceAmount);

        var stranger = await Client.SignUpAsync("stranger@lecturehub.test");
        await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/enrollments/{pipe}/refund-quote", stranger)).ProblemAsync(HttpStatusCode.NotFound, "ENROLLMENT_NOT_FOUND");
    }

    [Fact]
    public async Task The_quote_follows_the_policy_frozen_on_the_order_not_todays()
    {
        var (student, order) = await Client.PaidTwoCourseOrderAsync(Factory);
        // This order was placed under an older, stricter policy (no refunds after purchase at all).
        await Api.ScalarAsync<object>(ApiFactory.PrimaryConnectionString, """
            UPDATE orders SET terms = jsonb_set(terms, '{refunds}', '{"version":"2025-01","fullRefundDays":0,"fullRefundBelowPercent":0,"partialRefundDays":0,"partialRefundBelowPercent":0}')
            WHERE id = @id
            """, ("id", order.Id));
        var enrollment = await EnrollmentIdAsync(order.Lines[0].CourseId);

        var quote = await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/enrollments/{enrollment}/refund-quote", student)).ReadAsync<RefundQuoteView>();

        Assert.Equal(("2025-01", 0L, "None"), (quote.Policy.Version, quote.AmountKrw, quote.Rule));
        await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/enrollments/{enrollment}/refund", student)).ProblemAsync(HttpStatusCode.Conflict, "REFUND_NOT_ALLOWED");
    }

    [Fact]
    public async Task A_gateway_outage_keeps_the_refund_requested_and_reconciliation_returns_the_money_once()
    {
        var (student, order) = await Client.PaidTwoCourseOrderAsync(Factory);
        var course = order.Lines[0].CourseId;
        var enrollment = await EnrollmentIdAsync(course);
        await Factory.Pg.FaultsAsync(failNextCancels: 100);

        await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/enrollments/{enrollment}/refund", student)).ProblemAsync(HttpStatusCode.ServiceUnavailable, "REFUND_PENDING");
        Assert.Equal("Active", await EnrollmentStatusAsync(course));
        // Meanwhile another course of the order waits its turn.
        await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/enrollments/{await EnrollmentIdAsync(order.Lines[1].CourseId)}/refund", student))
            .ProblemAsync(HttpStatusCode.Conflict, "REFUND_IN_PROGRESS");

        await Factory.Pg.FaultsAsync();
        var reconciler = Factory.Service<PaymentReconciler>();
        Assert.Equal(1, await reconciler.FinishRefundsAsync(TimeSpan.Zero, CancellationToken.None));
        Assert.Equal(0, await reconciler.FinishRefundsAsync(TimeSpan.Zero, CancellationToken.None));

        Assert.Equal("Refunded", await EnrollmentStatusAsync(course));
        Assert.Equal(25_000L, (await Factory.Pg.PaymentAsync(order.Id)).BalanceAmount);
    }

    [Fact]
    public async Task A_cancel_the_gateway_made_before_we_committed_is_completed_by_its_webhook()
    {
        var (_, order) = await Client.PaidTwoCourseOrderAsync(Factory);
        var course = order.Lines[0].CourseId;
        await using var scope = Factory.Services.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        var refund = await sender.Send(new RequestRefundCommand(order.Id, course, new Domain.Payments.RefundQuote("2026-11", 0, 39_000, 39_000, Domain.Payments.RefundRule.Full)));
        // The gateway cancels (same idempotency key the API uses); our process dies before recording it.
        await Factory.Pg.CancelAtGatewayAsync((await Factory.Pg.PaymentAsync(order.Id)).PaymentKey, 39_000, $"refund-{refund.Id:N}");

        var outcome = await sender.Send(new SettlePaymentWorkflow((await Factory.Pg.PaymentAsync(order.Id)).PaymentKey));

        Assert.Equal(SettleOutcome.Refunded, outcome);
        Assert.Equal("Refunded", await EnrollmentStatusAsync(course));
        // Delivered again (or the student retries): nothing changes, and the gateway returned the money once.
        Assert.Equal(SettleOutcome.Waiting, await sender.Send(new SettlePaymentWorkflow((await Factory.Pg.PaymentAsync(order.Id)).PaymentKey)));
        Assert.Equal(25_000L, (await Factory.Pg.PaymentAsync(order.Id)).BalanceAmount);
    }

    [Fact]
    public async Task A_cancel_nobody_asked_for_is_flagged_for_review()
    {
        var (_, order) = await Client.PaidTwoCourseOrderAsync(Factory);
        var key = (await Factory.Pg.PaymentAsync(order.Id)).PaymentKey;
        await Factory.Pg.CancelAtGatewayAsync(key, 10_000, "refund-by-hand");

        await using var scope = Factory.Services.CreateAsyncScope();
        Assert.Equal(SettleOutcome.Flagged, await scope.ServiceProvider.GetRequiredService<ISender>().Send(new SettlePaymentWorkflow(key)));
        Assert.Equal("CanceledAfterPaid", await Api.ScalarAsync<string>(ApiFactory.PrimaryConnectionString, "SELECT kind FROM payment_anomalies WHERE payment_key = @k", ("k", key)));
        Assert.Equal("Paid", await Api.ScalarAsync<string>(ApiFactory.PrimaryConnectionString, "SELECT status FROM orders WHERE id = @id", ("id", order.Id)));
    }

    private static async Task<Guid> EnrollmentIdAsync(Guid courseId) =>
        await Api.ScalarAsync<Guid>(ApiFactory.PrimaryConnectionString, "SELECT id FROM enrollments WHERE course_id = @c", ("c", courseId));

    private static async Task<string?> EnrollmentStatusAsync(Guid courseId) =>
        await Api.ScalarAsync<string>(ApiFactory.PrimaryConnectionString, "SELECT status FROM enrollments WHERE course_id = @c", ("c", courseId));
}
