namespace LectureHub.Infrastructure.Payments;

/// <summary>Payment gateways (section <c>Payments</c>).</summary>
public sealed class PaymentsOptions
{
    public const string Section = "Payments";

    /// <summary>The provider the local PG simulator plays, whose secret Development generates.</summary>
    public const string LocalProvider = "local";

    /// <summary>
    /// Each provider's Standard Webhooks secret (<c>whsec_</c> + base64), by the name in the webhook URL
    /// (<c>/api/v1/payments/webhooks/{provider}</c>). Development generates one for <see cref="LocalProvider"/>.
    /// </summary>
    public Dictionary<string, string> WebhookSecrets { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
