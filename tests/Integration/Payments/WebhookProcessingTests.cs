using System.Net;
using System.Text;
using LectureHub.Application.Payments.Commands;
using LectureHub.Infrastructure.Payments;
using LectureHub.Infrastructure.Payments.Webhooks;
using LectureHub.IntegrationTests.Courses;
using LectureHub.IntegrationTests.Support;
using LectureHub.StandardWebhooks;

namespace LectureHub.IntegrationTests.Payments;

/// <summary>
/// The inbox processor against the simulator: webhooks are only a prompt to ask the gateway, so duplicates, order and
/// the body's claims do not matter, and what no rule may settle is flagged. Each test ends with one enrolment per
/// course of a paid order and none for an unpaid one.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class WebhookProcessingTests(PaymentApiFactory factory) : PaymentTest(factory)
{
    private readonly StandardWebhook _gateway = new(WebhookApiFactory.Secret);

    [Fact]
    public async Task A_confirm_lost_on_our_side_is_healed_by_the_webhook_delivered_ten_times()
    {
        var (_, order) = await Client.TwoCourseOrderAsync(Factory);
        var key = await Factory.Pg.CheckoutAsync(order.Id, order.AmountKrw);
        await Factory.Pg.ConfirmAtGatewayAsync(key, order.Id, order.AmountKrw);

        for (var i = 0; i < 10; i++)
        {
            await (await PostWebhookAsync("msg_paid", key, "DONE")).ReadAsync<object>();
        }

        Assert.Equal(1, await ProcessAsync());
        Assert.Equal(0, await ProcessAsync());
        Assert.Equal(("Paid", 2L), await StateAsync(order));
    }

    [Fact]
    public async Task Canceled_arriving_before_paid_changes_nothing_the_gateway_does_not_say()
    {
        var (_, order) = await Client.TwoCourseOrderAsync(Factory);
        var key = await Factory.Pg.CheckoutAsync(order.Id, order.AmountKrw);
        await Factory.Pg.ConfirmAtGatewayAsync(key, order.Id, order.AmountKrw);

        // The body claims CANCELED, out of order; the gateway holds DONE, and that is what counts.
        await (await PostWebhookAsync("msg_canceled", key, "CANCELED")).ReadAsync<object>();
        await ProcessAsync();
        await (await PostWebhookAsync("msg_paid", key, "DONE")).ReadAsync<object>();
        await ProcessAsync();

        Assert.Equal(("Paid", 2L), await StateAsync(order));
    }

    [Fact]
    public async Task A_payment_the_buyer_abandoned_closes_the_order_and_enrols_no_one()
    {
        var (_, order) = await Client.TwoCourseOrderAsync(Factory);
        var key = await Factory.Pg.CheckoutAsync(order.Id, order.AmountKrw);
        await Factory.Pg.StatusAsync(key, "EXPIRED");

        await (await PostWebhookAsync("msg_expired", key, "EXPIRED")).ReadAsync<object>();
        await ProcessAsync();

        Assert.Equal(("Expired", 0L), await StateAsync(order));
    }

    [Fact]
    public async Task An_amount_mismatch_is_flagged_for_review_and_enrols_no_one()
    {
        var (_, order) = await Client.TwoCourseOrderAsync(Factory);
        var key = await Factory.Pg.CheckoutAsync(order.Id, 1_000);
        await Factory.Pg.ConfirmAtGatewayAsync(key, order.Id, 1_000);

        await (await PostWebhookAsync("msg_short", key, "DONE")).ReadAsync<object>();
        await (await PostWebhookAsync("msg_short_again", key, "DONE")).ReadAsync<object>();
        await ProcessAsync();

        Assert.Equal(("Pending", 0L), await StateAsync(order));
        var admin = await Client.SignUpAsync("admin@lecturehub.test", "Admin");
        var anomalies = await (await Client.SendAsync(HttpMethod.Get, "/api/v1/admin/payments/anomalies", admin)).ReadAsync<List<AnomalyView>>();
        var anomaly = Assert.Single(anomalies);
        Assert.Equal((key, order.Id, "AmountMismatch"), (anomaly.PaymentKey, anomaly.OrderId, anomaly.Kind));
    }

    [Fact]
    public async Task Reconciliation_heals_an_order_whose_confirm_and_webhook_never_arrived_and_expires_an_abandoned_one()
    {
        var (_, paid) = await Client.TwoCourseOrderAsync(Factory);
        var key = await Factory.Pg.CheckoutAsync(paid.Id, paid.AmountKrw);
        await Factory.Pg.ConfirmAtGatewayAsync(key, paid.Id, paid.AmountKrw); // and then the API crashed before committing

        var student = await Client.SignUpAsync("other@lecturehub.test");
        var abandoned = await (await Client.SendAsync(HttpMethod.Post, "/api/v1/orders", student, new { courseIds = paid.Lines.Take(1).Select(l => l.CourseId) }))
            .ReadAsync<OrderView>(HttpStatusCode.Created);
        await Api.ScalarAsync<object>(ApiFactory.PrimaryConnectionString, "UPDATE orders SET created_at = @at WHERE id = @id",
            ("id", abandoned.Id), ("at", Factory.Clock.GetUtcNow().AddHours(-2))); // two hours old on the reconciler's clock

        var outcomes = await Factory.Service<PaymentReconciler>().ReconcileAsync(TimeSpan.Zero, CancellationToken.None);

        Assert.Equal([SettleOutcome.Paid, SettleOutcome.Closed], outcomes.Order());
        Assert.Equal(("Paid", 2L), await StateAsync(paid));
        Assert.Equal("Expired", await Api.ScalarAsync<string>(ApiFactory.PrimaryConnectionString, "SELECT status FROM orders WHERE id = @id", ("id", abandoned.Id)));
        Assert.Empty(await Factory.Service<PaymentReconciler>().ReconcileAsync(TimeSpan.Zero, CancellationToken.None));
    }

    private sealed record AnomalyView(Guid Id, string PaymentKey, Guid? OrderId, string Kind, string Detail, DateTimeOffset FoundAt);

    private async Task<int> ProcessAsync() => await Factory.Service<PaymentWebhookProcessor>().ProcessDueAsync(CancellationToken.None);

    private Task<HttpResponseMessage> PostWebhookAsync(string id, string paymentKey, string status)
    {
        var now = DateTimeOffset.UtcNow;
        var body = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new { eventType = "PAYMENT_STATUS_CHANGED", data = new { paymentKey, status, totalAmount = 1 } });
        return Client.PostWebhookAsync(id, now, _gateway.Sign(id, now, body), body);
    }

    /// <summary>The order's status and the number of enrolments in its courses.</summary>
    private static async Task<(string Status, long Enrollments)> StateAsync(OrderView order)
    {
        var status = await Api.ScalarAsync<string>(ApiFactory.PrimaryConnectionString, "SELECT status FROM orders WHERE id = @id", ("id", order.Id));
        var enrollments = await Api.ScalarAsync<long>(ApiFactory.PrimaryConnectionString, "SELECT count(*) FROM enrollments WHERE course_id = ANY(@ids)",
            ("ids", order.Lines.Select(l => l.CourseId).ToArray()));
        return (status!, enrollments);
    }
}
