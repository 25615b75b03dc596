using System.Net.Http.Json;
using LectureHub.Application.Payments;
using LectureHub.Infrastructure.Payments;
using LectureHub.PgSimulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LectureHub.IntegrationTests.Payments;

/// <summary>The local PG simulator (tools/PgSimulator) on a real socket, for tests that need a gateway.</summary>
public sealed class PgSimulatorFixture : IAsyncLifetime
{
    private WebApplication? _app;

    public string BaseUrl { get; private set; } = "";

    public HttpClient Http { get; } = new();

    public async Task InitializeAsync()
    {
        _app = PgSimulatorApp.Build(["--Logging:LogLevel:Default=Warning"]);
        _app.Urls.Add("http://127.0.0.1:0");
        await _app.StartAsync();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Http.BaseAddress = new Uri(BaseUrl);
    }

    /// <summary>Plays the buyer paying in the widget: the gateway authorises and hands back a paymentKey.</summary>
    public async Task<string> CheckoutAsync(Guid orderId, long amount) =>
        (await (await Http.PostAsJsonAsync("/sim/checkout", new { orderId = orderId.ToString(), amount })).Content.ReadFromJsonAsync<Key>())!.PaymentKey;

    public async Task StatusAsync(string paymentKey, string status) =>
        (await Http.PostAsync($"/sim/payments/{paymentKey}/status/{status}", null)).EnsureSuccessStatusCode();

    /// <summary>Confirms at the gateway directly, as if our own confirm had timed out after the gateway took the money.</summary>
    public async Task ConfirmAtGatewayAsync(string paymentKey, Guid orderId, long amount)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/payments/confirm")
        {
            Content = JsonContent.Create(new { paymentKey, orderId = orderId.ToString(), amount }),
        };
        request.Headers.Authorization = SecretKey;
        (await Http.SendAsync(request)).EnsureSuccessStatusCode();
    }

    private static System.Net.Http.Headers.AuthenticationHeaderValue SecretKey =>
        new("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(PgSimulatorApp.DefaultSecretKey + ":")));

    public async Task FaultsAsync(int failNextConfirms = 0, int confirmDelayMs = 0, int failNextCancels = 0) =>
        (await Http.PutAsJsonAsync("/sim/faults", new { failNextConfirms, confirmDelayMs, failNextCancels })).EnsureSuccessStatusCode();

    /// <summary>The order's payment as the gateway holds it.</summary>
    public async Task<SimPayment> PaymentAsync(Guid orderId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/payments/orders/{orderId}");
        request.Headers.Authorization = SecretKey;
        using var response = await Http.SendAsync(request);
        return (await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<SimPayment>())!;
    }

    /// <summary>Cancels at the gateway directly, as a refund whose answer never reached our commit (or an operator by hand).</summary>
    public async Task CancelAtGatewayAsync(string paymentKey, long amount, string idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/payments/{paymentKey}/cancel")
        {
            Content = JsonContent.Create(new { cancelReason = "test", cancelAmount = amount }),
        };
        request.Headers.Authorization = SecretKey;
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        (await Http.SendAsync(request)).EnsureSuccessStatusCode();
    }

    /// <summary>Where the simulator posts its signed webhooks, and how badly.</summary>
    public async Task WebhooksAsync(string? url, string? secret, int duplicates = 0, int maxDelayMs = 0, double dropRate = 0) =>
        (await Http.PutAsJsonAsync("/sim/webhooks", new { url, secret, duplicates, maxDelayMs, dropRate })).EnsureSuccessStatusCode();

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private sealed record Key(string PaymentKey);
}

public sealed record SimPayment(string PaymentKey, string OrderId, string Status, long TotalAmount, long BalanceAmount);

/// <summary>The gateway client (timeouts, retries with one idempotency key, refusals) against the simulator over HTTP.</summary>
public sealed class PaymentGatewayClientTests(PgSimulatorFixture pg) : IClassFixture<PgSimulatorFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => pg.FaultsAsync();

    public Task DisposeAsync() => pg.FaultsAsync();

    [Fact]
    public async Task A_confirmed_payment_is_done_for_the_order_and_amount_and_reads_back_the_same()
    {
        var order = Guid.NewGuid();
        var key = await pg.CheckoutAsync(order, 39_000);

        var confirmed = await Client().ConfirmAsync(key, order, 39_000, default);

        Assert.Equal((key, order.ToString(), "DONE", 39_000L), (confirmed.PaymentKey, confirmed.OrderId, confirmed.Status, confirmed.TotalAmount));
        Assert.Equal(confirmed, await Client().GetPaymentAsync(key, default));
        Assert.Null(await Client().GetPaymentAsync("pk_unknown", default));
    }

    [Fact]
    public async Task Gateway_failures_are_retried_with_the_same_idempotency_key_and_confirm_once()
    {
        var order = Guid.NewGuid();
        var key = await pg.CheckoutAsync(order, 25_000);
        await pg.FaultsAsync(failNextConfirms: 2);

        var confirmed = await Client(maxRetries: 3).ConfirmAsync(key, order, 25_000, default);
        // Asked again (a client retrying after a lost answer): the gateway replays its first answer, not "already processed".
        var again = await Client().ConfirmAsync(key, order, 25_000, default);

        Assert.Equal("DONE", confirmed.Status);
        Assert.Equal(confirmed, again);
    }

    [Fact]
    public async Task A_refusal_carries_the_gateway_code_and_is_not_retried()
    {
        var order = Guid.NewGuid();
        var key = await pg.CheckoutAsync(order, 39_000);

        var error = await Assert.ThrowsAsync<PaymentGatewayRejectedException>(() => Client().ConfirmAsync(key, order, 1_000, default));

        Assert.Equal("INVALID_REQUEST", error.Code);
        Assert.Equal("READY", (await Client().GetPaymentAsync(key, default))!.Status);
    }

    [Fact]
    public async Task A_confirm_that_times_out_is_unavailable_to_us_though_the_gateway_may_finish_it()
    {
        var order = Guid.NewGuid();
        var key = await pg.CheckoutAsync(order, 39_000);
        await pg.FaultsAsync(confirmDelayMs: 1_500);

        await Assert.ThrowsAsync<PaymentGatewayUnavailableException>(() => Client(maxRetries: 0, timeoutSeconds: 1).ConfirmAsync(key, order, 39_000, default));

        // The gateway finished it anyway: this is the order the webhook or reconciliation must heal.
        await pg.FaultsAsync();
        await Support.Api.EventuallyAsync(async () => (await Client().GetPaymentAsync(key, default))!.Status == "DONE", "the gateway to finish the confirm");
    }

    [Fact]
    public async Task After_ten_failures_the_circuit_opens_and_calls_fail_fast_without_reaching_the_gateway()
    {
        var order = Guid.NewGuid();
        var key = await pg.CheckoutAsync(order, 39_000);
        await pg.FaultsAsync(failNextConfirms: 10);
        var client = Client(maxRetries: 0);
        for (var i = 0; i < 10; i++)
        {
            await Assert.ThrowsAsync<PaymentGatewayUnavailableException>(() => client.ConfirmAsync(key, order, 39_000, default));
        }

        // The gateway would take this one (its ten failures are spent), but the open circuit does not let it through.
        var error = await Assert.ThrowsAsync<PaymentGatewayUnavailableException>(() => client.ConfirmAsync(key, order, 39_000, default));
        Assert.IsType<Polly.CircuitBreaker.BrokenCircuitException>(error.InnerException);
        Assert.Equal("READY", (await Client().GetPaymentAsync(key, default))!.Status);
    }

    [Fact]
    public async Task A_wrong_secret_key_is_refused_by_the_gateway()
    {
        var error = await Assert.ThrowsAsync<PaymentGatewayRejectedException>(() => Client(secretKey: "test_sk_wrong").ConfirmAsync("pk_x", Guid.NewGuid(), 1, default));

        Assert.Equal("UNAUTHORIZED_KEY", error.Code);
    }

    private PaymentGatewayClient Client(int maxRetries = 3, int timeoutSeconds = 10, string secretKey = PgSimulatorApp.DefaultSecretKey)
    {
        var options = Options.Create(new PaymentGatewayOptions { BaseUrl = pg.BaseUrl, SecretKey = secretKey, MaxRetries = maxRetries, AttemptTimeoutSeconds = timeoutSeconds });
        return new PaymentGatewayClient(new HttpClient(), new PaymentGatewayPipeline(options, NullLogger<PaymentGatewayPipeline>.Instance), options,
            NullLogger<PaymentGatewayClient>.Instance);
    }
}
