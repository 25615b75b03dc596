using System.Globalization;
using System.Text;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;

namespace LectureHub.Application.Payments.Commands;

/// <summary>
/// A payment gateway posts a payment's news. The signature is checked first (a bad or stale one is 401 and nothing is
/// stored), then the webhook goes into the inbox and is answered at once; acting on it is the inbox processor's job,
/// which fetches the payment from the gateway rather than trusting the body. A single insert, so a plain request and
/// not a command with a unit of work.
/// </summary>
public sealed record ReceivePaymentWebhookWorkflow(string Provider, string? WebhookId, string? Timestamp, string? Signature, byte[] Body)
    : IWorkflow<WebhookReceiptDto>;

/// <summary>Duplicate: the inbox already held this webhook (a redelivery); nothing changed.</summary>
public sealed record WebhookReceiptDto(bool Duplicate);

internal sealed class ReceivePaymentWebhookHandler(IWebhookVerifier verifier, IWebhookInbox inbox, TimeProvider clock)
    : IWorkflowHandler<ReceivePaymentWebhookWorkflow, WebhookReceiptDto>
{
    public async ValueTask<WebhookReceiptDto> Handle(ReceivePaymentWebhookWorkflow request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var check = verifier.Check(request.Provider, request.WebhookId, request.Timestamp, request.Signature, request.Body, now);
        switch (check)
        {
            case WebhookCheck.Valid:
                break;
            case WebhookCheck.UnknownProvider:
                throw new NotFoundException("PAYMENT_PROVIDER_UNKNOWN", $"No payment provider '{request.Provider}' is configured.");
            case WebhookCheck.MissingHeaders:
                throw new UnauthorizedException("WEBHOOK_HEADERS_MISSING", "webhook-id, webhook-timestamp and webhook-signature are required.");
            case WebhookCheck.BadTimestamp or WebhookCheck.Stale:
                throw new UnauthorizedException("WEBHOOK_TIMESTAMP_STALE", "webhook-timestamp must be a Unix time within five minutes of now.");
            default:
                throw new UnauthorizedException("WEBHOOK_SIGNATURE_INVALID", "No signature in webhook-signature matches this message.");
        }

        string body;
        try
        {
            body = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(request.Body);
        }
        catch (DecoderFallbackException)
        {
            throw new BadRequestException("WEBHOOK_BODY_NOT_UTF8", "The webhook body is not UTF-8 text.");
        }

        var sentAt = DateTimeOffset.FromUnixTimeSeconds(long.Parse(request.Timestamp!, CultureInfo.InvariantCulture));
        var stored = await inbox.StoreAsync(request.Provider, request.WebhookId!, sentAt, body, now, cancellationToken);
        return new WebhookReceiptDto(!stored);
    }
}
