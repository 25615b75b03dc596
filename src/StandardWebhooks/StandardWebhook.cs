using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace LectureHub.StandardWebhooks;

/// <summary>Why a webhook was refused; each maps to a stable code for the 401 problem.</summary>
public enum WebhookRejection
{
    MissingHeaders,
    BadTimestamp,
    TimestampOutOfTolerance,
    NoMatchingSignature,
}

public sealed class WebhookVerificationException(WebhookRejection reason, string message) : Exception(message)
{
    public WebhookRejection Reason { get; } = reason;
}

/// <summary>
/// Standard Webhooks (standardwebhooks.com, spec 1.0; PortOne V2 signs this way), written in-house because its C#
/// library is not in this registry. The signed content is <c>{webhook-id}.{webhook-timestamp}.{body}</c>, HMAC-SHA256
/// keyed with the secret's base64 bytes (after an optional <c>whsec_</c> prefix), sent as <c>v1,{base64}</c>;
/// <c>webhook-signature</c> may carry several space-separated signatures (key rotation), and any one matching is enough.
/// Timestamps more than five minutes from now either way are refused, and signatures are compared in constant time.
/// </summary>
public sealed class StandardWebhook
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";
    public const string SecretPrefix = "whsec_";

    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    private readonly byte[] _key;

    public StandardWebhook(string secret)
    {
        var encoded = secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret;
        _key = Convert.FromBase64String(encoded);
        if (_key.Length == 0)
        {
            throw new ArgumentException("The webhook secret is empty.", nameof(secret));
        }
    }

    /// <summary>The <c>webhook-signature</c> value for a message: <c>v1,{base64 HMAC}</c>.</summary>
    public string Sign(string id, DateTimeOffset timestamp, ReadOnlySpan<byte> body) =>
        "v1," + Convert.ToBase64String(Mac(id, timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), body));

    /// <summary>Throws <see cref="WebhookVerificationException"/> unless the headers sign these exact bytes, recently.</summary>
    public void Verify(string? id, string? timestamp, string? signatures, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signatures))
        {
            throw new WebhookVerificationException(WebhookRejection.MissingHeaders, "webhook-id, webhook-timestamp and webhook-signature are required.");
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            throw new WebhookVerificationException(WebhookRejection.BadTimestamp, "webhook-timestamp is not a Unix time in seconds.");
        }

        var sent = DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253_402_300_799));
        if (sent < now - Tolerance || sent > now + Tolerance)
        {
            throw new WebhookVerificationException(WebhookRejection.TimestampOutOfTolerance, "webhook-timestamp is more than five minutes from now.");
        }

        var expected = Mac(id, timestamp, body);
        Span<byte> candidate = stackalloc byte[64];
        foreach (var part in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.StartsWith("v1,", StringComparison.Ordinal)
                && Convert.TryFromBase64String(part[3..], candidate, out var length)
                && CryptographicOperations.FixedTimeEquals(expected, candidate[..length]))
            {
                return;
            }
        }

        throw new WebhookVerificationException(WebhookRejection.NoMatchingSignature, "No v1 signature in webhook-signature matches the message.");
    }

    private byte[] Mac(string id, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"{id}.{timestamp}.");
        var content = new byte[prefix.Length + body.Length];
        prefix.CopyTo(content, 0);
        body.CopyTo(content.AsSpan(prefix.Length));
        return HMACSHA256.HashData(_key, content);
    }
}
