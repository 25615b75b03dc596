using System.ComponentModel.DataAnnotations;

namespace LectureHub.Infrastructure.Observability;

public sealed class ObservabilityOptions : IValidatableObject
{
    public const string Section = "Observability";

    /// <summary>False turns OpenTelemetry off entirely (the baseline of docs/benchmarks.md's cost-of-watching run).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Where the Prometheus scrape endpoint <c>/metrics</c> listens, e.g. <c>http://127.0.0.1:9464</c>; empty serves
    /// none. A listener of its own: the API's public port never answers /metrics.
    /// </summary>
    public string? MetricsUrl { get; set; }

    /// <summary>The port of <see cref="MetricsUrl"/>; 0 when there is none.</summary>
    public int MetricsPort => Uri.TryCreate(MetricsUrl, UriKind.Absolute, out var uri) ? uri.Port : 0;

    /// <summary>How often the gauges read the outbox, the webhook inbox, the heartbeat buffer, transcode jobs and the standby.</summary>
    [Range(1, 3600)]
    public double SampleSeconds { get; set; } = 10;

    /// <summary>Standby lag over this many seconds degrades /health/ready (reads may be stale for longer than read-your-writes covers).</summary>
    [Range(0.1, 86_400)]
    public double MaxStandbyLagSeconds { get; set; } = 10;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MetricsUrl is { Length: > 0 } url && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp && uri.AbsolutePath == "/"))
        {
            yield return new ValidationResult($"Observability:MetricsUrl must be an http URL with a host and port and no path, like http://127.0.0.1:9464 (was '{url}').",
                [nameof(MetricsUrl)]);
        }
    }
}
