namespace LectureHub.Application.Payments;

/// <summary>What checking a webhook's signature found.</summary>
public enum WebhookCheck
{
    Valid,
    UnknownProvider,
    MissingHeaders,
    BadTimestamp,
    Stale,
    BadSignature,
}

/// <summary>Checks a payment gateway's webhook against that provider's secret (Standard Webhooks).</summary>
public interface IWebhookVerifier
{
    WebhookCheck Check(string provider, string? id, string? timestamp, string? signature, byte[] body, DateTimeOffset now);
}

/// <summary>
/// The inbox: every verified webhook is stored before anything acts on it, once per (provider, webhook id), so a
/// gateway's redeliveries are answered without doing anything twice.
/// </summary>
public interface IWebhookInbox
{
    /// <summary>Stores the webhook; false when this (provider, id) is already in the inbox.</summary>
    Task<bool> StoreAsync(string provider, string webhookId, DateTimeOffset sentAt, string body, DateTimeOffset receivedAt, CancellationToken cancellationToken);
}
