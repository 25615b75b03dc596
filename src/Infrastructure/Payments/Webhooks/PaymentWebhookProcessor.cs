using System.Text.Json;
using Dapper;
using LectureHub.Application.Payments.Commands;
using LectureHub.Infrastructure.Persistence;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LectureHub.Infrastructure.Payments.Webhooks;

/// <summary>
/// Acts on the webhook inbox: takes due webhooks with a lease (SKIP LOCKED, so instances share the work), reads the
/// payment key from the body and settles the payment from what the gateway holds now (<see cref="SettlePaymentWorkflow"/>).
/// Webhooks of a batch are settled side by side (each is a gateway round trip and a short transaction; two for one payment
/// meet on the order's xmin and settle once). A new webhook wakes this instance's processor at once; otherwise it polls.
/// A failure (the gateway down, say) is retried with backoff: 10 s, 1 min, 5 min, then every 30 min, each with its error kept.
/// </summary>
internal sealed class PaymentWebhookProcessor(
    DataSources sources, IServiceScopeFactory scopes, WebhookInboxSignal signal, TimeProvider clock, ILogger<PaymentWebhookProcessor> logger)
    : BackgroundService
{
    private const int Concurrency = 8;
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan[] Backoff = [TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30)];

    private const string ClaimSql = """
        UPDATE payment_webhooks w SET next_attempt_at = @LeaseUntil, attempts = w.attempts + 1
        FROM (SELECT id FROM payment_webhooks WHERE processed_at IS NULL AND next_attempt_at <= @Now
              ORDER BY next_attempt_at LIMIT 50 FOR UPDATE SKIP LOCKED) due
        WHERE w.id = due.id
        RETURNING w.id AS "Id", w.webhook_id AS "WebhookId", w.body AS "Body", w.attempts AS "Attempts"
        """;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await ProcessDueAsync(stoppingToken) > 0)
                {
                    continue;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Processing payment webhooks failed; trying again in {Poll}", Poll);
            }

            await signal.WaitAsync(Poll, stoppingToken);
        }
    }

    /// <summary>Processes the webhooks due now; returns how many were taken.</summary>
    internal async Task<int> ProcessDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        List<Due> due;
        await using (var connection = await sources.Primary.OpenConnectionAsync(cancellationToken))
        {
            due = (await connection.QueryAsync<Due>(new CommandDefinition(ClaimSql, new { Now = now, LeaseUntil = now + Lease }, cancellationToken: cancellationToken))).ToList();
        }

        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken }, async (webhook, ct) =>
        {
            string? error = null;
            try
            {
                if (PaymentKey(webhook.Body) is { } paymentKey)
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var outcome = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new SettlePaymentWorkflow(paymentKey), ct);
                    logger.LogInformation("Webhook {WebhookId}: payment {PaymentKey} {Outcome}", webhook.WebhookId, paymentKey, outcome);
                }
                else
                {
                    logger.LogWarning("Webhook {WebhookId} names no payment; nothing to do", webhook.WebhookId);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                error = ex.Message;
                logger.LogWarning(ex, "Webhook {WebhookId} could not be processed (attempt {Attempt})", webhook.WebhookId, webhook.Attempts);
            }

            await FinishAsync(webhook, error, ct);
        });

        return due.Count;
    }

    private async Task FinishAsync(Due webhook, string? error, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await sources.Primary.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(error is null
                ? "UPDATE payment_webhooks SET processed_at = @Now, error = NULL WHERE id = @Id"
                : "UPDATE payment_webhooks SET next_attempt_at = @Next, error = @Error WHERE id = @Id",
            new { webhook.Id, Now = now, Next = now + Backoff[Math.Min(webhook.Attempts, Backoff.Length) - 1], Error = error?[..Math.Min(error.Length, 500)] },
            cancellationToken: cancellationToken));
    }

    /// <summary>data.paymentKey (Toss-style) or data.paymentId (PortOne V2); never amounts or statuses, which are fetched.</summary>
    internal static string? PaymentKey(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                   && (data.TryGetProperty("paymentKey", out var key) || data.TryGetProperty("paymentId", out key)) && key.ValueKind == JsonValueKind.String
                ? key.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record Due(Guid Id, string WebhookId, string Body, int Attempts);
}
