using System.ComponentModel.DataAnnotations;
using LectureHub.Application.Abstractions;
using LectureHub.Infrastructure.Caching;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LectureHub.Infrastructure.Identity;

public sealed class LoginThrottleOptions
{
    public const string Section = "LoginThrottle";

    /// <summary>Failed logins allowed per account within the window before it must wait out the rest of the window.</summary>
    [Range(1, 1000)]
    public int MaxFailures { get; set; } = 5;

    [Range(1, 1440)]
    public int WindowMinutes { get; set; } = 15;
}

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
