using Microsoft.Extensions.Diagnostics.HealthChecks;
using LectureHub.Infrastructure.Caching;
using StackExchange.Redis;

namespace LectureHub.Infrastructure.Health;

internal sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await redis.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy(data: new Dictionary<string, object> { ["pingMs"] = latency.TotalMilliseconds });
        }
        catch (Exception ex) when (RedisOutage.Is(ex))
        {
            return new HealthCheckResult(context.Registration.FailureStatus, ex.Message, ex);
        }
    }
}
