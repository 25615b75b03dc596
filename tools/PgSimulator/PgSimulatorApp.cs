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
/// <item><c>POST /v1/payments/{paymentKey}/cancel {cancelReason, cancelAmount}</c> (<c>Idempotency-Key</c>): returns
/// all or part of what is left; the payment becomes PARTIAL_CANCELED or CANCELED;</item>
/// <item><c>GET /v1/payments/{paymentKey}</c> and <c>GET /v1/payments/orders/{orderId}</c>.</item>
/// </list>
/// Every change of a payment is posted as a Standard-Webhooks-signed webhook (<see cref="WebhookSender"/>).
/// And for tests and demos: <c>POST /sim/checkout {orderId, amount}</c> plays the buyer paying in the widget and
/// returns the paymentKey; <c>POST /sim/payments/{key}/status/{status}</c> moves a payment (the buyer abandons it:
/// EXPIRED, ABORTED); <c>PUT /sim/faults</c> sets how many next confirms or cancels fail with 500 and how long a
/// confirm waits; <c>PUT /sim/webhooks</c> (and GET) where and how webhooks go; <c>GET /sim/webhooks/stats</c> what was sent.
/// State is in memory.
/// </summary>
public static class PgSimulatorApp
{
    public const string DefaultSecretKey = "test_sk_lecturehub_local";

    public static WebApplication Build(string[] args, string secretKey = DefaultSecretKey)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<WebhookSender>();
        var app = builder.Build();
        var webhooks = app.Services.GetRequiredService<WebhookSender>();
        var payments = new ConcurrentDictionary<string, Payment>();
        var answers = new ConcurrentDictionary<string, Lazy<(int Status, string Body)>>();
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

            webhooks.Publish(status == "DONE" ? "Transaction.Paid" : "Transaction.Cancelled", payment.Event());
            return Results.NoContent();
        });

        app.MapPut("/sim/faults", (FaultSettings settings) =>
        {
            faults.FailNextConfirms = settings.FailNextConfirms;
            faults.FailNextCancels = settings.FailNextCancels;
            faults.ConfirmDelayMs = settings.ConfirmDelayMs;
            return Results.NoContent();
        });

        app.MapPut("/sim/webhooks", (WebhookSettings settings) =>
        {
            webhooks.Settings = settings;
            return Results.NoContent();
        });

        app.MapGet("/sim/webhooks", () => Results.Json(webhooks.Settings, Json));

        app.MapGet("/sim/webhooks/stats", () => Results.Json(webhooks.Stats, Json));

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

            return Interlocked.Decrement(ref faults.FailNextConfirms) >= 0
                ? Error(500, "FAILED_INTERNAL_SYSTEM_PROCESSING", "Simulated failure.")
                : Once(request, answers, () => ConfirmOnce(payments, confirm, webhooks));
        });

        app.MapPost("/v1/payments/{paymentKey}/cancel", (HttpRequest request, string paymentKey, CancelRequest cancel) =>
            request.Headers.Authorization != expectedAuth ? Error(401, "UNAUTHORIZED_KEY", "The secret key is wrong.")
            : Interlocked.Decrement(ref faults.FailNextCancels) >= 0 ? Error(500, "FAILED_INTERNAL_SYSTEM_PROCESSING", "Simulated failure.")
            : Once(request, answers, () => CancelOnce(payments, paymentKey, cancel, webhooks)));

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

    /// <summary>The first answer for an Idempotency-Key is the answer for every repeat of it.</summary>
    private static IResult Once(HttpRequest request, ConcurrentDictionary<string, Lazy<(int Status, string Body)>> answers, Func<(int Status, string Body)> act)
    {
        var key = request.Headers["Idempotency-Key"].ToString();
        var answer = key.Length > 0 ? answers.GetOrAdd(key, _ => new Lazy<(int, string)>(act)).Value : act();
        return Results.Text(answer.Body, "application/json", Encoding.UTF8, answer.Status);
    }

    private static (int Status, string Body) CancelOnce(ConcurrentDictionary<string, Payment> payments, string paymentKey, CancelRequest cancel, WebhookSender webhooks)
    {
        if (!payments.TryGetValue(paymentKey, out var payment))
        {
            return (404, ErrorBody("NOT_FOUND_PAYMENT", "No such payment."));
        }

        lock (payment)
        {
            if (payment.Status is not ("DONE" or "PARTIAL_CANCELED"))
            {
                return (400, ErrorBody("NOT_CANCELABLE_PAYMENT", $"A {payment.Status} payment cannot be canceled."));
            }

            var amount = cancel.CancelAmount ?? payment.Balance;
            if (amount <= 0 || amount > payment.Balance)
            {
                return (400, ErrorBody("NOT_CANCELABLE_AMOUNT", $"{amount} is more than the {payment.Balance} left."));
            }

            payment.Balance -= amount;
            payment.Status = payment.Balance == 0 ? "CANCELED" : "PARTIAL_CANCELED";
            webhooks.Publish(payment.Balance == 0 ? "Transaction.Cancelled" : "Transaction.PartialCancelled", payment.Event());
            return (200, JsonSerializer.Serialize(payment.View(), Json));
        }
    }

    private static (int Status, string Body) ConfirmOnce(ConcurrentDictionary<string, Payment> payments, ConfirmRequest confirm, WebhookSender webhooks)
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
            webhooks.Publish("Transaction.Paid", payment.Event());
            return (200, JsonSerializer.Serialize(payment.View(), Json));
        }
    }

    private static IResult Error(int status, string code, string message) => Results.Text(ErrorBody(code, message), "application/json", Encoding.UTF8, status);

    private static string ErrorBody(string code, string message) => JsonSerializer.Serialize(new { code, message }, Json);

    private sealed record Checkout(string OrderId, long Amount);

    private sealed record FaultSettings(int FailNextConfirms, int ConfirmDelayMs, int FailNextCancels = 0);

    private sealed record ConfirmRequest(string PaymentKey, string OrderId, long Amount);

    private sealed record CancelRequest(string? CancelReason, long? CancelAmount);

    private sealed class Faults
    {
        public int FailNextConfirms;
        public int FailNextCancels;
        public int ConfirmDelayMs;
    }

    private sealed class Payment(string paymentKey, string orderId, long amount)
    {
        public string PaymentKey { get; } = paymentKey;

        public string OrderId { get; } = orderId;

        public long Amount { get; } = amount;

        public string Status { get; set; } = "READY";

        public DateTimeOffset? ApprovedAt { get; set; }

        public long Balance { get; set; } = amount;

        public object View() => new { PaymentKey, OrderId, Status, TotalAmount = Amount, BalanceAmount = Balance, ApprovedAt, Method = "카드" };

        /// <summary>A webhook's data: it names the payment; receivers fetch the rest (PortOne V2 sends paymentId).</summary>
        public object Event() => new { PaymentKey, PaymentId = PaymentKey, OrderId, Status };
    }
}
