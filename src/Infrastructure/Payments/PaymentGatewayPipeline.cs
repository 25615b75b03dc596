using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace LectureHub.Infrastructure.Payments;

/// <summary>
/// One Polly pipeline for the process (it holds the circuit's state): retries (idempotent calls only: GETs, and the
/// confirm with its Idempotency-Key, the same on every attempt), a circuit breaker (half the calls failing over 30 s,
/// at least 10, opens it for 15 s: a dead gateway is not hammered, and callers hear at once), and a timeout per attempt.
/// </summary>
internal sealed class PaymentGatewayPipeline
{
    public PaymentGatewayPipeline(IOptions<PaymentGatewayOptions> options, ILogger<PaymentGatewayPipeline> logger)
    {
        var settings = options.Value;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        if (settings.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = settings.MaxRetries,
                ShouldHandle = args => ValueTask.FromResult(PaymentGatewayClient.IsTransient(args.Outcome)),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(200),
                OnRetry = args =>
                {
                    logger.LogWarning("Payment gateway call failed ({Outcome}); retry {Attempt} in {Delay}",
                        args.Outcome.Result?.StatusCode.ToString() ?? args.Outcome.Exception?.GetType().Name, args.AttemptNumber + 1, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            });
        }

        Pipeline = builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = args => ValueTask.FromResult(PaymentGatewayClient.IsTransient(args.Outcome)),
                FailureRatio = 0.5,
                MinimumThroughput = 10,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = TimeSpan.FromSeconds(15),
            })
            .AddTimeout(TimeSpan.FromSeconds(settings.AttemptTimeoutSeconds))
            .Build();
    }

    public ResiliencePipeline<HttpResponseMessage> Pipeline { get; }
}
