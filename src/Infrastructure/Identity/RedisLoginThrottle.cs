using LectureHub.Application.Abstractions;
using LectureHub.Infrastructure.Caching;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LectureHub.Infrastructure.Identity;

/// <summary>
/// Failed sign-ins counted in Redis, shared by every instance. While Redis is unreachable the instance counts them
/// itself (<see cref="InProcessLoginThrottle"/>): a cache outage must not lock everyone out of signing in.
/// </summary>
internal sealed class RedisLoginThrottle(
    IConnectionMultiplexer redis,
    RedisKeys keys,
    InProcessLoginThrottle fallback,
    IOptions<LoginThrottleOptions> options,
    ILogger<RedisLoginThrottle> logger) : ILoginThrottle
{
    private TimeSpan Window => TimeSpan.FromMinutes(options.Value.WindowMinutes);

    public Task<LoginGate> CheckAsync(string normalizedEmail, string source, bool knownDevice, CancellationToken cancellationToken) =>
        OrInProcess(async () =>
        {
            var db = redis.GetDatabase();
            var sourceKey = SourceKey(normalizedEmail, source);
            var counts = await db.StringGetAsync([sourceKey, AccountKey(normalizedEmail)]);
            var sourceFailures = (int?)counts[0] ?? 0;
            var retryAfter = sourceFailures >= options.Value.MaxFailures ? await db.KeyTimeToLiveAsync(sourceKey) ?? Window : Window;
            return Gate(options.Value, sourceFailures, retryAfter, (int?)counts[1] ?? 0, knownDevice);
        }, () => fallback.CheckAsync(normalizedEmail, source, knownDevice, cancellationToken));

    public Task RecordFailureAsync(string normalizedEmail, string source, CancellationToken cancellationToken) =>
        OrInProcess(async () =>
        {
            var db = redis.GetDatabase();
            // Each window starts at its first failure and is not extended by later ones.
            foreach (var key in new[] { SourceKey(normalizedEmail, source), AccountKey(normalizedEmail) })
            {
                if (await db.StringIncrementAsync(key) == 1)
                {
                    await db.KeyExpireAsync(key, Window);
                }
            }

            return true;
        }, async () =>
        {
            await fallback.RecordFailureAsync(normalizedEmail, source, cancellationToken);
            return true;
        });

    /// <summary>A success clears its own source only: the owner signing in does not wipe the record of an attack elsewhere.</summary>
    public Task ResetAsync(string normalizedEmail, string source, CancellationToken cancellationToken) =>
        OrInProcess(() => redis.GetDatabase().KeyDeleteAsync(SourceKey(normalizedEmail, source)), async () =>
        {
            await fallback.ResetAsync(normalizedEmail, source, cancellationToken);
            return true;
        });

    /// <summary>
    /// The rules, wherever the counts are kept: a source past <see cref="LoginThrottleOptions.MaxFailures"/> waits out
    /// its window; an account past its ceiling slows attempts from sources it has not seen.
    /// </summary>
    internal static LoginGate Gate(LoginThrottleOptions options, int sourceFailures, TimeSpan sourceRetryAfter, int accountFailures, bool knownDevice) =>
        sourceFailures >= options.MaxFailures ? new LoginGate(sourceRetryAfter, TimeSpan.Zero)
        : !knownDevice && accountFailures >= options.AccountCeiling ? new LoginGate(null, TimeSpan.FromMilliseconds(options.AccountDelayMilliseconds))
        : LoginGate.Open;

    private async Task<T> OrInProcess<T>(Func<Task<T>> shared, Func<Task<T>> local)
    {
        try
        {
            return await shared();
        }
        catch (Exception ex) when (RedisOutage.Is(ex))
        {
            logger.LogWarning("Redis unavailable ({Error}); sign-in failures are counted by this instance alone", ex.Message);
            return await local();
        }
    }

    private RedisKey SourceKey(string normalizedEmail, string source) => keys.For($"login-failures:{normalizedEmail}:{source}");

    private RedisKey AccountKey(string normalizedEmail) => keys.For($"login-failures:{normalizedEmail}");
}
