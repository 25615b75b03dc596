using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace LectureHub.Infrastructure.Caching;

/// <summary>
/// Counters in fixed time windows, shared by every API instance: <c>{key}:{window}</c> counts up and expires with its
/// window, in one script and one round trip. Refused requests still count, so hammering does not buy an earlier slot.
/// </summary>
internal sealed class RedisFixedWindow(IConnectionMultiplexer redis, RedisKeys keys, TimeProvider clock, ILogger<RedisFixedWindow> logger)
{
    private const string TakeScript = """
        local n = redis.call('INCR', KEYS[1])
        if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
        return n
        """;

    /// <summary>
    /// Counts one against <paramref name="key"/> in the current window: how many the window has taken, this one
    /// included, and when it ends. Null when Redis is down: the caller is let through (logged), since refusing every
    /// request during a cache outage would turn it into a full one.
    /// </summary>
    public async Task<(long Used, TimeSpan EndsIn)?> TakeAsync(string key, TimeSpan window)
    {
        var now = clock.GetUtcNow();
        var span = (long)window.TotalMilliseconds;
        var index = now.ToUnixTimeMilliseconds() / span;
        var endsIn = DateTimeOffset.FromUnixTimeMilliseconds((index + 1) * span) - now;
        try
        {
            var used = (long)await redis.GetDatabase().ScriptEvaluateAsync(TakeScript, [keys.For($"{key}:{index}")], [(long)endsIn.TotalMilliseconds + 1000]);
            return (used, endsIn);
        }
        catch (Exception ex) when (RedisOutage.Is(ex))
        {
            logger.LogWarning(ex, "Redis unavailable: {Key} was let through without its limit", key);
            return null;
        }
    }
}
