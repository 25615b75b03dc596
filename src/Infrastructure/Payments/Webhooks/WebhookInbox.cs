using Dapper;
using LectureHub.Application.Observability;
using LectureHub.Application.Payments;
using LectureHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LectureHub.Infrastructure.Payments.Webhooks;

/// <summary>The inbox in PostgreSQL: one insert, and a redelivery hits the unique index and changes nothing.</summary>
internal sealed class WebhookInbox(DataSources sources, WebhookInboxSignal signal, LectureHubMetrics metrics) : IWebhookInbox
{
    private const string InsertSql = """
        INSERT INTO payment_webhooks (id, provider, webhook_id, sent_at, received_at, body, next_attempt_at, attempts)
        VALUES (@Id, @Provider, @WebhookId, @SentAt, @ReceivedAt, @Body, @ReceivedAt, 0)
        ON CONFLICT (provider, webhook_id) DO NOTHING
        """;

    public async Task<bool> StoreAsync(string provider, string webhookId, DateTimeOffset sentAt, string body, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        await using var connection = await sources.Primary.OpenConnectionAsync(cancellationToken);
        var stored = await connection.ExecuteAsync(new CommandDefinition(InsertSql,
            new { Id = Guid.CreateVersion7(), Provider = provider.ToLowerInvariant(), WebhookId = webhookId, SentAt = sentAt, ReceivedAt = receivedAt, Body = body },
            cancellationToken: cancellationToken)) == 1;
        metrics.WebhooksReceived.Add(1, new KeyValuePair<string, object?>("outcome", stored ? "new" : "duplicate"));
        if (stored)
        {
            signal.Notify();
        }

        return stored;
    }
}
