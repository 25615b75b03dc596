using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LectureHub.Application.Payments;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace LectureHub.Infrastructure.Payments;

/// <summary>
/// The gateway over HTTP (a typed client from the factory, so connections are pooled and recycled). Every call runs
/// through <see cref="PaymentGatewayPipeline"/>.
/// </summary>
internal sealed class PaymentGatewayClient : IPaymentGateway
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly HttpClient _http;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly ILogger<PaymentGatewayClient> _logger;

    public PaymentGatewayClient(HttpClient http, PaymentGatewayPipeline pipeline, IOptions<PaymentGatewayOptions> options, ILogger<PaymentGatewayClient> logger)
    {
        var settings = options.Value;
        _http = http;
        _http.BaseAddress = new Uri(settings.BaseUrl.TrimEnd('/') + "/");
        _http.Timeout = Timeout.InfiniteTimeSpan; // the pipeline times each attempt
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(settings.SecretKey + ":")));
        _logger = logger;
        _pipeline = pipeline.Pipeline;
    }

    public Task<GatewayPayment> ConfirmAsync(string paymentKey, Guid orderId, long amountKrw, CancellationToken cancellationToken) =>
        PostAsync("v1/payments/confirm", new { paymentKey, orderId = orderId.ToString(), amount = amountKrw }, $"confirm-{orderId:N}-{paymentKey}", cancellationToken);

    public Task<GatewayPayment> CancelAsync(string paymentKey, long amountKrw, string reason, string idempotencyKey, CancellationToken cancellationToken) =>
        PostAsync($"v1/payments/{Uri.EscapeDataString(paymentKey)}/cancel", new { cancelReason = reason, cancelAmount = amountKrw }, idempotencyKey, cancellationToken);

    /// <summary>A POST the gateway de-duplicates by its Idempotency-Key, the same on every attempt, so the pipeline may retry it.</summary>
    private async Task<GatewayPayment> PostAsync(string path, object body, string idempotencyKey, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: Json) };
            request.Headers.Add("Idempotency-Key", idempotencyKey);
            return request;
        }, cancellationToken);
        return await ReadAsync(response, cancellationToken) ?? throw new PaymentGatewayRejectedException("NOT_FOUND_PAYMENT", "The gateway has no such payment.");
    }

    public async Task<GatewayPayment?> GetPaymentAsync(string paymentKey, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, $"v1/payments/{Uri.EscapeDataString(paymentKey)}"), cancellationToken);
        return await ReadAsync(response, cancellationToken);
    }

    public async Task<GatewayPayment?> GetPaymentByOrderAsync(Guid orderId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, $"v1/payments/orders/{orderId}"), cancellationToken);
        return await ReadAsync(response, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> request, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _pipeline.ExecuteAsync(async ct =>
            {
                using var message = request();
                return await _http.SendAsync(message, ct);
            }, cancellationToken);
            if (IsTransient(Outcome.FromResult(response)))
            {
                var status = response.StatusCode;
                response.Dispose();
                throw new PaymentGatewayUnavailableException($"The payment gateway kept failing ({(int)status}).");
            }

            return response;
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException or BrokenCircuitException)
        {
            _logger.LogWarning(ex, "Payment gateway unavailable");
            throw new PaymentGatewayUnavailableException("The payment gateway could not be reached; try again shortly.", ex);
        }
    }

    /// <summary>The payment on 2xx; null on 404; the gateway's code on any other 4xx.</summary>
    private static async Task<GatewayPayment?> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return await response.Content.ReadFromJsonAsync<GatewayPayment>(Json, cancellationToken)
                   ?? throw new PaymentGatewayUnavailableException("The payment gateway answered with an empty body.");
        }

        var error = await response.Content.ReadFromJsonAsync<GatewayError>(Json, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        throw new PaymentGatewayRejectedException(error?.Code ?? "UNKNOWN", error?.Message ?? $"The gateway refused with {(int)response.StatusCode}.");
    }

    internal static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } result } => (int)result.StatusCode >= 500 || result.StatusCode == HttpStatusCode.TooManyRequests,
        _ => false,
    };

    private sealed record GatewayError(string Code, string Message);
}
