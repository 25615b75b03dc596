using System.Text;
using LectureHub.IntegrationTests.Support;
using LectureHub.StandardWebhooks;

namespace LectureHub.IntegrationTests.Payments;

/// <summary>The payment counters, moved by one purchase, one refund and one webhook delivered twice.</summary>
[Collection(ApiCollection.Name)]
public sealed class PaymentMetricsTests(PaymentApiFactory factory) : PaymentTest(factory)
{
    [Fact]
    public async Task A_purchase_and_a_refund_count_the_order_placed_and_paid_the_refund_and_the_money()
    {
        var before = await Metrics.ScrapeAsync(Factory);

        var (student, order) = await Client.PaidTwoCourseOrderAsync(Factory);
        var enrollment = await Api.ScalarAsync<Guid>(ApiFactory.PrimaryConnectionString, "SELECT id FROM enrollments WHERE course_id = @c", ("c", order.Lines[0].CourseId));
        await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/enrollments/{enrollment}/refund", student, new { reason = "일정 변경" })).ReadAsync<RefundView>();
        var after = await Metrics.ScrapeAsync(Factory);

        Assert.Equal(1, after.Since(before, "lecturehub_orders_total", "outcome=placed"));
        Assert.Equal(1, after.Since(before, "lecturehub_orders_total", "outcome=paid"));
        Assert.Equal(64_000, after.Since(before, "lecturehub_payments_amount_total", "kind=paid"));
        Assert.Equal(1, after.Since(before, "lecturehub_refunds_total"));
        Assert.Equal(39_000, after.Since(before, "lecturehub_payments_amount_total", "kind=refunded"));
        Assert.Equal(1, after.Since(before, "lecturehub_commands_total", "command=PlaceOrder", "code=OK"));
        Assert.Equal(1, after.Since(before, "lecturehub_commands_total", "command=ConfirmOrder", "code=OK"));
    }

    [Fact]
    public async Task A_webhook_delivered_twice_is_received_once_new_and_once_duplicate_and_waits_in_the_inbox_gauge()
    {
        const string body = """{"type":"Transaction.Paid","data":{"paymentId":"pay_metrics","storeId":"store_1"}}""";
        var sentAt = DateTimeOffset.UtcNow;
        var signature = new StandardWebhook(WebhookApiFactory.Secret).Sign("msg_metrics", sentAt, Encoding.UTF8.GetBytes(body));
        var before = await Metrics.ScrapeAsync(Factory);

        await (await Client.PostWebhookAsync("msg_metrics", sentAt, signature, Encoding.UTF8.GetBytes(body))).ReadAsync<object>();
        await (await Client.PostWebhookAsync("msg_metrics", sentAt, signature, Encoding.UTF8.GetBytes(body))).ReadAsync<object>();
        var after = await Metrics.ScrapeAsync(Factory);

        Assert.Equal(1, after.Since(before, "lecturehub_webhooks_received_total", "outcome=new"));
        Assert.Equal(1, after.Since(before, "lecturehub_webhooks_received_total", "outcome=duplicate"));
        // Processing is off in tests (Payments:ProcessWebhooks), so it waits.
        Assert.Equal(1, after.Value("lecturehub_webhooks_pending"));
        Assert.Equal(0, before.Value("lecturehub_webhooks_pending"));
    }
}
