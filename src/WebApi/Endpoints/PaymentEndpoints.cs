using LectureHub.WebApi.Infrastructure;
using LectureHub.Application.Payments.Commands;
using LectureHub.StandardWebhooks;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace LectureHub.WebApi.Endpoints;

internal static class PaymentEndpoints
{
    /// <summary>Gateways send small JSON events; anything larger is not one.</summary>
    private const long MaxWebhookBytes = 256 * 1024;

    public static RouteGroupBuilder MapPaymentEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/payments/webhooks/{provider}", async Task<Ok<WebhookReceiptDto>> (string provider, HttpRequest request, ISender sender, CancellationToken ct) =>
            {
                using var body = new MemoryStream();
                await request.Body.CopyToAsync(body, ct);
                var headers = request.Headers;
                return TypedResults.Ok(await sender.Send(new ReceivePaymentWebhookWorkflow(provider,
                    headers[StandardWebhook.IdHeader], headers[StandardWebhook.TimestampHeader], headers[StandardWebhook.SignatureHeader], body.ToArray()), ct));
            })
            .WithTags("Payments")
            .InClass(EndpointClass.Webhook)
            .AllowAnonymous()
            .WithMetadata(new RequestSizeLimitAttribute(MaxWebhookBytes))
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A payment gateway's webhook (Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature)")
            .WithDescription(
                "The signature is HMAC-SHA256 over '{webhook-id}.{webhook-timestamp}.{body}' with the provider's whsec_ secret; several " +
                "space-separated v1 signatures may be sent, and one matching is enough. A missing, bad or stale one (more than five minutes " +
                "from now) is 401 and nothing is stored. A verified webhook is stored in the inbox and answered at once; a redelivery of the " +
                "same webhook-id is answered with duplicate=true and changes nothing. The body is the gateway's JSON, read as raw bytes (any content type).");
        return api;
    }
}
