using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;

namespace LectureHub.PgSimulator;

/// <summary>
/// A local stand-in for a Korean payment gateway's API (Toss Payments-style), so the one-command run can take a payment
/// end to end and integration tests have a real HTTP peer. It implements the subset LectureHub calls:
/// <list type="bullet">
/// <item><c>POST /v1/payments/confirm</c> (Basic auth with the secret key, <c>Idempotency-Key</c>): a payment the
/// checkout authorised becomes DONE if the order id and amount match;</item>
/// <item><c>GET /v1/payments/{paymentKey}</c> and <c>GET /v1/payments/orders/{orderId}</c>.</item>
/// </list>
/// And for tests and demos: <c>POST /sim/checkout {orderId, amount}</c> plays the buyer paying in the widget and
/// returns the paymentKey; <c>POST /sim/payments/{key}/status/{status}</c> moves a payment (the buyer abandons it:
/// EXPIRED, ABORTED); <c>PUT /sim/faults</c> sets how many next confirms fail with 500 and how long each waits.
/// State is in memory.
/// </summary>
public static class PgSimulatorApp
{
    public const string DefaultSecretKey = "test_sk_lecturehub_local";

    public static WebApplication Build(string[] args, string secretKey = DefaultSecretKey)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var payments = new ConcurrentDictionary<string, Payment>();
        var answers = new ConcurrentDictionary<string, (int Status, string Body)>();
        var faults = new Faults();
        var expectedAuth = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(secretKey + ":"));

        app.MapPost("/sim/checkout", (Checkout checkout) =>
        {
            var payment = new Payment($"pk_{Guid.NewGuid():N}", checkout.OrderId, checkout.Amount) { Status = "READY" };
            payments[payment.PaymentKey] = payment;
            return Results.Ok(new { payment.PaymentKey });
        });

        app.MapPost("/sim/payments/{paymentKey}/status/{status}", (string paymentKey, string status) =>
        {
            if (!payments.TryGetValue(paymentKey, out var payment))
            {
                return Results.NotFound();
            }

            lock (payment)
            {
                payment.Status = status;
            }

            return Results.NoContent();
        });

        app.MapPut("/sim/faults", (FaultSettings settings) =>
        {
            faults.FailNextConfirms = settings.FailNextConfirms;
            faults.ConfirmDelayMs = settings.ConfirmDelayMs;
            return Results.NoContent();
        });

        app.MapPost("/v1/payments/confirm", async (HttpRequest request, ConfirmRequest confirm) =>
        {
            if (request.Headers.Authorization != expectedAuth)
            {
                return Error(401, "UNAUTHORIZED_KEY", "The secret key is wrong.");
            }

            if (faults.ConfirmDelayMs > 0)
            {
                await Task.Delay(faults.ConfirmDelayMs);
            }

            if (Interlocked.Decrement(ref faults.FailNextConfirms) >= 0)
            {
                return Error(500, "FAILED_INTERNAL_SYSTEM_PROCESSING", "Simulated failure.");
            }

            Interlocked.Exchange(ref faults.FailNextConfirms, 0);
            var key = request.Headers["Idempotency-Key"].ToString();
            if (key.Length > 0 && answers.TryGetValue(key, out var replay))
            {
                return Results.Text(replay.Body, "application/json", Encoding.UTF8, replay.Status);
            }

            var answer = ConfirmOnce(payments, confirm);
            if (key.Length > 0)
            {
                answers[key] = (answer.Status, answer.Body);
            }

            return Results.Text(answer.Body, "application/json", Encoding.UTF8, answer.Status);
        });

        app.MapGet("/v1/payments/orders/{orderId}", (HttpRequest request, string orderId) =>
            request.Headers.Authorization != expectedAuth ? Error(401, "UNAUTHORIZED_KEY", "The secret key is wrong.")
            : payments.Values.Where(p => p.OrderId == orderId).OrderBy(p => p.Status == "DONE").LastOrDefault() is { } payment ? Results.Json(payment.View(), Json)
            : Error(404, "NOT_FOUND_PAYMENT", "No payment for this order."));

        app.MapGet("/v1/payments/{paymentKey}", (HttpRequest request, string paymentKey) =>
            request.Headers.Authorization != expectedAuth ? Error(401, "UNAUTHORIZED_KEY", "The secret key is wrong.")
            : payments.TryGetValue(paymentKey, out var payment) ? Results.Json(payment.View(), Json)
            : Error(404, "NOT_FOUND_PAYMENT", "No such payment."));

        return app;
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static (int Status, string Body) ConfirmOnce(ConcurrentDictionary<string, Payment> payments, ConfirmRequest confirm)
    {
        if (!payments.TryGetValue(confirm.PaymentKey, out var payment))
        {
            return (404, ErrorBody("NOT_FOUND_PAYMENT", "No such payment."));
        }

        lock (payment)
        {
            if (payment.OrderId != confirm.OrderId || payment.Amount != confirm.Amount)
            {
                return (400, ErrorBody("INVALID_REQUEST", "The order id or amount does not match the checkout."));
            }

            if (payment.Status == "DONE")
            {
                return (400, ErrorBody("ALREADY_PROCESSED_PAYMENT", "The payment was already confirmed."));
            }

            payment.Status = "DONE";
            payment.ApprovedAt = DateTimeOffset.UtcNow;
            return (200, JsonSerializer.Serialize(payment.View(), Json));
        }
    }

    private static IResult Error(int status, string code, string message) => Results.Text(ErrorBody(code, message), "application/json", Encoding.UTF8, status);

    private static string ErrorBody(string code, string message) => JsonSerializer.Serialize(new { code, message }, Json);

    private sealed record Checkout(string OrderId, long Amount);

    private sealed record FaultSettings(int FailNextConfirms, int ConfirmDelayMs);

    private sealed record ConfirmRequest(string PaymentKey, string OrderId, long Amount);

    private sealed class Faults
    {
        public int FailNextConfirms;
        public int ConfirmDelayMs;
    }

    private sealed class Payment(string paymentKey, string orderId, long amount)
    {
        public string PaymentKey { get; } = paymentKey;

        public string OrderId { get; } = orderId;

        public long Amount { get; } = amount;

        public string Status { get; set; } = "READY";

        public DateTimeOffset? ApprovedAt { get; set; }

        public object View() => new { PaymentKey, OrderId, Status, TotalAmount = Amount, ApprovedAt, Method = "카드" };
    }
}
