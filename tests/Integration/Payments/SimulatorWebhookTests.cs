using System.Net;
using LectureHub.IntegrationTests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace LectureHub.IntegrationTests.Payments;

/// <summary>
/// The API on a real Kestrel socket, with its webhook processor running, and the PG simulator posting its own
/// signed webhooks to it, three copies of each, each after up to 300 ms, so they arrive out of order.
/// </summary>
public sealed class LiveWebhookApiFactory : ApiFactory
{
    public LiveWebhookApiFactory()
    {
        Pg.InitializeAsync().GetAwaiter().GetResult();
        UseKestrel(0);
    }

    public PgSimulatorFixture Pg { get; } = new();

    public string WebhookUrl => Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/api/v1/payments/webhooks/testpg";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Payments:Gateway:BaseUrl"] = Pg.BaseUrl,
        ["Payments:WebhookSecrets:testpg"] = WebhookApiFactory.Secret,
        ["Payments:ProcessWebhooks"] = "true",
        ["Payments:Gateway:AttemptTimeoutSeconds"] = "1",
        ["Payments:Gateway:MaxRetries"] = "0",
    };

    public override async ValueTask DisposeAsync()
    {
        await Pg.DisposeAsync();
        await base.DisposeAsync();
    }
}

[Collection(ApiCollection.Name)]
public sealed class SimulatorWebhookTests(LiveWebhookApiFactory factory) : IClassFixture<LiveWebhookApiFactory>, IAsyncLifetime, IDisposable
{
    private readonly HttpClient _client = factory.CreateClient();

    public async Task InitializeAsync()
    {
        await factory.ResetAsync();
        await factory.Pg.WebhooksAsync(factory.WebhookUrl, WebhookApiFactory.Secret, duplicates: 2, maxDelayMs: 300);
    }

    /// <summary>Every scenario ends with one enrolment per paid course and a balanced ledger.</summary>
    public async Task DisposeAsync()
    {
        await factory.Pg.FaultsAsync();
        await factory.Pg.WebhooksAsync(null, null);
        await PaymentApi.AssertMoneyInvariantsAsync();
    }

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task The_gateways_own_webhooks_settle_a_lost_confirm_a_refund_and_an_abandoned_payment()
    {
        var (student, order) = await _client.TwoCourseOrderAsync(factory);
        var key = await factory.Pg.CheckoutAsync(order.Id, order.AmountKrw);
        // Our confirm never happened (the app died after the widget): only the gateway's webhooks tell us.
        await factory.Pg.ConfirmAtGatewayAsync(key, order.Id, order.AmountKrw);
        await StatusIsAsync(student, order.Id, "Paid");
        await ProcessedAsync(1);

        // A refund through the API: the gateway's cancel webhooks (three, late) then find the order in step.
        var enrollment = await Api.ScalarAsync<Guid>(ApiFactory.PrimaryConnectionString, "SELECT id FROM enrollments WHERE course_id = @c", ("c", order.Lines[0].CourseId));
        await (await _client.SendAsync(HttpMethod.Post, $"/api/v1/enrollments/{enrollment}/refund", student)).ReadAsync<RefundView>();
        await ProcessedAsync(2);
        Assert.Equal(0L, await Api.ScalarAsync<long>(ApiFactory.PrimaryConnectionString, "SELECT count(*) FROM payment_anomalies"));
        Assert.Equal("PartiallyRefunded", await Api.ScalarAsync<string>(ApiFactory.PrimaryConnectionString, "SELECT status FROM orders WHERE id = @id", ("id", order.Id)));

        // Another buyer gives up in the widget: the gateway expires the payment and says so.
        var other = await _client.SignUpAsync("other@lecturehub.test");
        var abandoned = await (await _client.SendAsync(HttpMethod.Post, "/api/v1/orders", other, new { courseIds = new[] { order.Lines[1].CourseId } })).ReadAsync<OrderView>(HttpStatusCode.Created);
        await factory.Pg.StatusAsync(await factory.Pg.CheckoutAsync(abandoned.Id, abandoned.AmountKrw), "EXPIRED");
        await StatusIsAsync(other, abandoned.Id, "Expired");
    }

    [Fact]
    public async Task A_confirm_that_times_out_at_the_gateway_is_healed_by_the_gateways_webhook()
    {
        var (student, order) = await _client.TwoCourseOrderAsync(factory);
        var key = await factory.Pg.CheckoutAsync(order.Id, order.AmountKrw);
        // The gateway takes 1.5 s to confirm; we give it 1 s. It completes the payment after we stopped waiting.
        await factory.Pg.FaultsAsync(confirmDelayMs: 1_500);

        await (await _client.SendAsync(HttpMethod.Post, $"/api/v1/orders/{order.Id}/confirm", student, new { paymentKey = key, amount = order.AmountKrw }))
            .ProblemAsync(HttpStatusCode.ServiceUnavailable, "PAYMENT_GATEWAY_UNAVAILABLE");

        await StatusIsAsync(student, order.Id, "Paid");
        Assert.Equal(2L, await Api.ScalarAsync<long>(ApiFactory.PrimaryConnectionString, "SELECT count(*) FROM enrollments WHERE status = 'Active'"));
    }

    /// <summary>Waits for this many webhooks (each delivered three times) to be stored once and processed.</summary>
    private static Task ProcessedAsync(long count) => Api.EventuallyAsync(async () =>
        await Api.ScalarAsync<long>(ApiFactory.PrimaryConnectionString, "SELECT count(*) FROM payment_webhooks WHERE processed_at IS NOT NULL") == count
        && await Api.ScalarAsync<long>(ApiFactory.PrimaryConnectionString, "SELECT count(*) FROM payment_webhooks") == count, $"{count} webhooks processed");

    private async Task StatusIsAsync(Tokens student, Guid orderId, string status) =>
        await Api.EventuallyAsync(async () =>
            (await (await _client.SendAsync(HttpMethod.Get, $"/api/v1/orders/{orderId}", student)).ReadAsync<OrderView>()).Status == status, $"order {status}");
}
