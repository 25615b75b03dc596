using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using LectureHub.StandardWebhooks;

namespace LectureHub.PgSimulator;

/// <summary>How the simulator delivers webhooks (<c>PUT /sim/webhooks</c>, or PG_SIM_WEBHOOK_URL / PG_SIM_WEBHOOK_SECRET at start).</summary>
public sealed record WebhookSettings(string? Url, string? Secret, int Duplicates = 0, int MaxDelayMs = 0, double DropRate = 0);

/// <summary>
/// Posts a Standard-Webhooks-signed event whenever a payment changes, as gateways do, with the misbehaviour real
/// networks add on request: every event sent <c>1 + Duplicates</c> times under one webhook-id, each copy after a random
/// delay up to <c>MaxDelayMs</c> (so copies and events arrive out of order), a share <c>DropRate</c> of copies lost.
/// A copy the receiver answers with a non-2xx (or cannot be reached) is retried 5 times with backoff.
/// </summary>
internal sealed class WebhookSender(ILogger<WebhookSender> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    private volatile WebhookSettings _settings = new(
        Environment.GetEnvironmentVariable("PG_SIM_WEBHOOK_URL"), Environment.GetEnvironmentVariable("PG_SIM_WEBHOOK_SECRET"));

    private long _events;
    private long _delivered;
    private long _dropped;
    private long _failedAttempts;

    public WebhookSettings Settings
    {
        get => _settings;
        set => _settings = value;
    }

    public object Stats => new { events = Interlocked.Read(ref _events), delivered = Interlocked.Read(ref _delivered), dropped = Interlocked.Read(ref _dropped), failedAttempts = Interlocked.Read(ref _failedAttempts) };

    /// <summary>Queues the event for delivery (fire and forget: the payment API answers without waiting).</summary>
    public void Publish(string type, object data)
    {
        var settings = _settings;
        if (string.IsNullOrEmpty(settings.Url) || string.IsNullOrEmpty(settings.Secret))
        {
            return;
        }

        Interlocked.Increment(ref _events);
        var id = $"msg_{Guid.NewGuid():N}";
        var body = JsonSerializer.SerializeToUtf8Bytes(new { type, timestamp = DateTimeOffset.UtcNow, data }, Json);
        var signer = new StandardWebhook(settings.Secret);
        for (var copy = 0; copy <= settings.Duplicates; copy++)
        {
            if (Random.Shared.NextDouble() < settings.DropRate)
            {
                Interlocked.Increment(ref _dropped);
                continue;
            }

            _ = DeliverAsync(settings.Url, signer, id, body, settings.MaxDelayMs > 0 ? Random.Shared.Next(settings.MaxDelayMs + 1) : 0);
        }
    }

    private async Task DeliverAsync(string url, StandardWebhook signer, string id, byte[] body, int delayMs)
    {
        await Task.Delay(delayMs);
        for (var attempt = 0; attempt <= 5; attempt++)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new("application/json");
                var now = DateTimeOffset.UtcNow;
                request.Headers.Add(StandardWebhook.IdHeader, id);
                request.Headers.Add(StandardWebhook.TimestampHeader, now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
                request.Headers.Add(StandardWebhook.SignatureHeader, signer.Sign(id, now, body));
                using var response = await Http.SendAsync(request);
                if (response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref _delivered);
                    return;
                }

                logger.LogWarning("Webhook {Id} to {Url}: {Status}", id, url, (int)response.StatusCode);
            }
            catch (HttpRequestException ex)
            {
                logger.LogWarning("Webhook {Id} to {Url} failed: {Error}", id, url, ex.Message);
            }
            catch (TaskCanceledException ex)
            {
                logger.LogWarning("Webhook {Id} to {Url} timed out: {Error}", id, url, ex.Message);
            }

            Interlocked.Increment(ref _failedAttempts);
            await Task.Delay(TimeSpan.FromMilliseconds(500 * (1 << attempt)));
        }

        logger.LogError("Webhook {Id} to {Url} given up after 6 attempts", id, url);
    }
}
