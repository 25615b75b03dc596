namespace LectureHub.Infrastructure.Payments.Webhooks;

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
