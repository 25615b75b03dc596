using LectureHub.Application.Payments;
using LectureHub.StandardWebhooks;
using Microsoft.Extensions.Options;

namespace LectureHub.Infrastructure.Payments.Webhooks;

/// <summary>Standard Webhooks verification with each provider's configured secret.</summary>
internal sealed class StandardWebhookVerifier(IOptions<PaymentsOptions> options) : IWebhookVerifier
{
    private readonly Dictionary<string, StandardWebhook> _providers = options.Value.WebhookSecrets
        .ToDictionary(p => p.Key, p => new StandardWebhook(p.Value), StringComparer.OrdinalIgnoreCase);

    public WebhookCheck Check(string provider, string? id, string? timestamp, string? signature, byte[] body, DateTimeOffset now)
    {
        if (!_providers.TryGetValue(provider, out var webhook))
        {
            return WebhookCheck.UnknownProvider;
        }

        try
        {
            webhook.Verify(id, timestamp, signature, body, now);
            return WebhookCheck.Valid;
        }
        catch (WebhookVerificationException ex)
        {
            return ex.Reason switch
            {
                WebhookRejection.MissingHeaders => WebhookCheck.MissingHeaders,
                WebhookRejection.BadTimestamp => WebhookCheck.BadTimestamp,
                WebhookRejection.TimestampOutOfTolerance => WebhookCheck.Stale,
                _ => WebhookCheck.BadSignature,
            };
        }
    }
}
