using LectureHub.Application.Abstractions;
using LectureHub.Infrastructure.Caching;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LectureHub.Infrastructure.Identity;

internal sealed class RedisLoginThrottle(IConnectionMultiplexer redis, RedisKeys keys, IOptions<LoginThrottleOptions> options) : ILoginThrottle
{
    private TimeSpan Window => TimeSpan.FromMinutes(options.Value.WindowMinutes);

    public async Task<LoginGate> CheckAsync(string normalizedEmail, string source, bool knownDevice, CancellationToken cancellationToken)
    {
        var db = redis.GetDatabase();
        var sourceKey = SourceKey(normalizedEmail, source);
        var counts = await db.StringGetAsync([sourceKey, AccountKey(normalizedEmail)]);
        if (((int?)counts[0] ?? 0) >= options.Value.MaxFailures)
        {
            return new LoginGate(await db.KeyTimeToLiveAsync(sourceKey) ?? Window, TimeSpan.Zero);
        }

        return !knownDevice && ((int?)counts[1] ?? 0) >= options.Value.AccountCeiling
            ? new LoginGate(null, TimeSpan.FromMilliseconds(options.Value.AccountDelayMilliseconds))
            : LoginGate.Open;
    }

    public async Task RecordFailureAsync(string normalizedEmail, string source, CancellationToken cancellationToken)
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
    }

    /// <summary>A success clears its own source only: the owner signing in does not wipe the record of an attack elsewhere.</summary>
    public Task ResetAsync(string normalizedEmail, string source, CancellationToken cancellationToken) =>
        redis.GetDatabase().KeyDeleteAsync(SourceKey(normalizedEmail, source));

    private RedisKey SourceKey(string normalizedEmail, string source) => keys.For($"login-failures:{normalizedEmail}:{source}");

    private RedisKey AccountKey(string normalizedEmail) => keys.For($"login-failures:{normalizedEmail}");
}
