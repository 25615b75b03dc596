using LectureHub.Application.Abstractions;
using LectureHub.Infrastructure.Caching;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LectureHub.Infrastructure.Identity;

internal sealed class RedisLoginThrottle(IConnectionMultiplexer redis, RedisKeys keys, IOptions<LoginThrottleOptions> options) : ILoginThrottle
{
    public async Task<TimeSpan?> RetryAfterAsync(string normalizedEmail, CancellationToken cancellationToken)
    {
        var db = redis.GetDatabase();
        var key = Key(normalizedEmail);
        var failures = (int?)await db.StringGetAsync(key) ?? 0;
        if (failures < options.Value.MaxFailures)
        {
            return null;
        }

        return await db.KeyTimeToLiveAsync(key) ?? TimeSpan.FromMinutes(options.Value.WindowMinutes);
    }

    public async Task RecordFailureAsync(string normalizedEmail, CancellationToken cancellationToken)
    {
        var db = redis.GetDatabase();
        var key = Key(normalizedEmail);
        // The window starts at the first failure and is not extended by later ones.
        if (await db.StringIncrementAsync(key) == 1)
        {
            await db.KeyExpireAsync(key, TimeSpan.FromMinutes(options.Value.WindowMinutes));
        }
    }

    public Task ResetAsync(string normalizedEmail, CancellationToken cancellationToken) =>
        redis.GetDatabase().KeyDeleteAsync(Key(normalizedEmail));

    private RedisKey Key(string normalizedEmail) => keys.For($"login-failures:{normalizedEmail}");
}
