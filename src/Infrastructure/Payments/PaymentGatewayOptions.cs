using System.ComponentModel.DataAnnotations;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace LectureHub.Infrastructure.Payments;

/// <summary>The gateway's API (section <c>Payments:Gateway</c>).</summary>
public sealed class PaymentGatewayOptions
{
    public const string Section = "Payments:Gateway";

    /// <summary>The API root, e.g. https://api.tosspayments.com, or the local simulator.</summary>
    [Required]
    [Url]
    public string BaseUrl { get; set; } = "http://127.0.0.1:55090";

    /// <summary>The secret key, sent as HTTP Basic user name with an empty password. Required outside Development.</summary>
    [Required]
    public string SecretKey { get; set; } = "";

    /// <summary>Each attempt's time limit.</summary>
    [Range(1, 120)]
    public int AttemptTimeoutSeconds { get; set; } = 10;

    /// <summary>Retries of an idempotent call after a timeout, a 5xx or a 429, with jittered exponential backoff.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;
}
