using Dapper;
using LectureHub.Application.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LectureHub.Infrastructure.Persistence;

/// <summary>One verified webhook in the inbox, stored as received; ProcessedAt is set once it has been acted on.</summary>
public sealed class PaymentWebhookRow
{
    public Guid Id { get; init; }

    public string Provider { get; init; } = "";

    public string WebhookId { get; init; } = "";

    public DateTimeOffset SentAt { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }

    public string Body { get; init; } = "";

    public DateTimeOffset? ProcessedAt { get; init; }

    /// <summary>When the processor may (next) take it: now at arrival, later after a failed attempt or while leased.</summary>
    public DateTimeOffset NextAttemptAt { get; init; }

    public int Attempts { get; init; }

    public string? Error { get; init; }
}

internal sealed class PaymentWebhookRowConfiguration : IEntityTypeConfiguration<PaymentWebhookRow>
{
    public void Configure(EntityTypeBuilder<PaymentWebhookRow> builder)
    {
        builder.ToTable("payment_webhooks");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Provider).HasMaxLength(40);
        builder.Property(w => w.WebhookId).HasMaxLength(200);
        builder.Property(w => w.Body).HasColumnType("text");
        // A redelivery is recognised by its id, per provider (the spec makes webhook-id the idempotency key).
        builder.HasIndex(w => new { w.Provider, w.WebhookId }).IsUnique();
        builder.HasIndex(w => w.NextAttemptAt).HasFilter("processed_at IS NULL").HasDatabaseName("ix_payment_webhooks_unprocessed");
    }
}

/// <summary>The inbox in PostgreSQL: one insert, and a redelivery hits the unique index and changes nothing.</summary>
internal sealed class WebhookInbox(DataSources sources, Outbox.WebhookInboxSignal signal) : IWebhookInbox
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
        if (stored)
        {
            signal.Notify();
        }

        return stored;
    }
}
