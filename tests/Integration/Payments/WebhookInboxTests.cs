using System.Net;
using System.Text;
using LectureHub.StandardWebhooks;
using LectureHub.IntegrationTests.Support;

namespace LectureHub.IntegrationTests.Payments;

/// <summary>Gateways' webhooks over HTTP: verified with the provider's Standard Webhooks secret, then stored once.</summary>
public sealed class WebhookApiFactory : ApiFactory
{
    public const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Payments:WebhookSecrets:testpg"] = Secret };
}

[Collection(ApiCollection.Name)]
public sealed class WebhookInboxTests(WebhookApiFactory factory) : IClassFixture<WebhookApiFactory>, IAsyncLifetime, IDisposable
{
    private const string Body = """{"type":"Transaction.Paid","data":{"paymentId":"pay_1","storeId":"store_1"}}""";

    private readonly HttpClient _client = factory.CreateClient();
    private readonly StandardWebhook _gateway = new(WebhookApiFactory.Secret);

    public Task InitializeAsync() => factory.ResetAsync();

    /// <summary>Every scenario ends with one enrolment per paid course and a balanced ledger.</summary>
    public Task DisposeAsync() => PaymentApi.AssertMoneyInvariantsAsync();

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task One_webhook_delivered_ten_times_is_stored_once_and_every_delivery_is_acknowledged()
    {
        var sentAt = DateTimeOffset.UtcNow;
        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
            await (await PostAsync("msg_1", sentAt, _gateway.Sign("msg_1", sentAt, Encoding.UTF8.GetBytes(Body)))).ReadAsync<Receipt>()));

        Assert.Equal(9, answers.Count(a => a.Duplicate));
        Assert.Equal(1L, await CountAsync());
        Assert.Equal(Body, await Api.ScalarAsync<string>(ApiFactory.PrimaryConnectionString, "SELECT body FROM payment_webhooks WHERE webhook_id = 'msg_1'"));
    }

    [Fact]
    public async Task A_forged_signature_a_stale_timestamp_or_missing_headers_are_refused_and_store_nothing()
    {
        var now = DateTimeOffset.UtcNow;
        var forger = new StandardWebhook("whsec_" + Convert.ToBase64String(Encoding.UTF8.GetBytes("not the gateway's secret key!!!")));
        await (await PostAsync("msg_2", now, forger.Sign("msg_2", now, Encoding.UTF8.GetBytes(Body)))).ProblemAsync(HttpStatusCode.Unauthorized, "WEBHOOK_SIGNATURE_INVALID");

        // Signed by the gateway, but for another body: the amount was changed on the way.
        var genuine = _gateway.Sign("msg_3", now, Encoding.UTF8.GetBytes(Body));
        await (await PostAsync("msg_3", now, genuine, Body.Replace("pay_1", "pay_2", StringComparison.Ordinal))).ProblemAsync(HttpStatusCode.Unauthorized, "WEBHOOK_SIGNATURE_INVALID");

        var stale = now.AddMinutes(-6);
        await (await PostAsync("msg_4", stale, _gateway.Sign("msg_4", stale, Encoding.UTF8.GetBytes(Body)))).ProblemAsync(HttpStatusCode.Unauthorized, "WEBHOOK_TIMESTAMP_STALE");
        await (await _client.PostAsync("/api/v1/payments/webhooks/testpg", new StringContent(Body))).ProblemAsync(HttpStatusCode.Unauthorized, "WEBHOOK_HEADERS_MISSING");
        await (await PostAsync("msg_5", now, genuine, provider: "nopg")).ProblemAsync(HttpStatusCode.NotFound, "PAYMENT_PROVIDER_UNKNOWN");

        Assert.Equal(0L, await CountAsync());
    }

    private Task<HttpResponseMessage> PostAsync(string id, DateTimeOffset sentAt, string signature, string body = Body, string provider = "testpg") =>
        _client.PostWebhookAsync(id, sentAt, signature, Encoding.UTF8.GetBytes(body), provider);

    private static async Task<long> CountAsync() => await Api.ScalarAsync<long>(ApiFactory.PrimaryConnectionString, "SELECT count(*) FROM payment_webhooks");

    private sealed record Receipt(bool Duplicate);
}
