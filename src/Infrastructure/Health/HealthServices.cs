using LectureHub.Infrastructure.Observability;
using LectureHub.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LectureHub.Infrastructure.Health;

public static class HealthServices
{
    /// <summary>The tag of the checks that /health/ready runs.</summary>
    public const string ReadyTag = "ready";

    internal static void AddHealth(this Registration r) => r.Services.AddHealthChecks()
        .Add(new HealthCheckRegistration("primary", sp => new PostgresHealthCheck(sp.GetRequiredService<DataSources>(), expectStandby: false, 0),
            HealthStatus.Unhealthy, [ReadyTag], TimeSpan.FromSeconds(3)))
        .Add(new HealthCheckRegistration("standby", sp => new PostgresHealthCheck(sp.GetRequiredService<DataSources>(), expectStandby: true,
                sp.GetRequiredService<IOptions<ObservabilityOptions>>().Value.MaxStandbyLagSeconds),
            HealthStatus.Degraded, [ReadyTag], TimeSpan.FromSeconds(3)))
        // Degraded, not unready: every instance shares the one Redis, and each serves without it (more slowly).
        .Add(new HealthCheckRegistration("redis", sp => new RedisHealthCheck(sp.GetRequiredService<IConnectionMultiplexer>()),
            HealthStatus.Degraded, [ReadyTag], TimeSpan.FromSeconds(3)));
}
