using System.Collections.Concurrent;
using System.Text.Json;
using LectureHub.Application.Abstractions;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LectureHub.Infrastructure.Caching;

/// <summary>
/// Two-level read-model cache: a short-lived copy in this process (L1), over Redis shared by all instances (L2).
/// <list type="bullet">
/// <item>L1 lives <see cref="CacheOptions.LocalSeconds"/> at most, which bounds how long another instance can serve
/// an entry this one purged.</item>
/// <item>Stampede: concurrent misses on one key wait for a single fill per instance (single flight).</item>
/// <item>Purge race: a purge bumps the key's generation, and a fill that started before the purge is not stored.</item>
/// <item>Read-your-writes: a caller who just wrote bypasses the cache entirely.</item>
/// <item>Outage: if Redis fails, reads go to the database uncached.</item>
/// </list>
/// </summary>
internal sealed class RedisCache(
    IConnectionMultiplexer redis,
    RedisKeys keys,
    IReadConsistency consistency,
    IMemoryCache local,
    CacheFills fills,
    IOptions<CacheOptions> options,
    ILogger<RedisCache> logger) : ICache
{
    public async Task<T> GetOrCreateAsync<T>(string key, TimeSpan ttl, Func<CancellationToken, Task<T>> factory, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled || await consistency.MustReadOwnWritesAsync(cancellationToken))
        {
            return await factory(cancellationToken);
        }

        var redisKey = keys.For(key);
        if (local.TryGetValue(redisKey, out T? copy))
        {
            return copy!;
        }

        try
        {
            var value = await GetOrFillAsync(redisKey, ttl, factory, cancellationToken);
            local.Set(redisKey, value, TimeSpan.FromSeconds(Math.Min(options.Value.LocalSeconds, ttl.TotalSeconds)));
            return value;
        }
        catch (RedisException ex)
        {
            // A cache outage must not take reads down with it: serve from the database until Redis is back.
            logger.LogWarning(ex, "Cache unavailable for {Key}; reading through", key);
            return await factory(cancellationToken);
        }
    }

    private async Task<T> GetOrFillAsync<T>(string redisKey, TimeSpan ttl, Func<CancellationToken, Task<T>> factory, CancellationToken cancellationToken)
    {
        var db = redis.GetDatabase();
        if (await db.StringGetAsync(redisKey) is { HasValue: true } hit)
        {
            return Deserialize<T>(hit);
        }

        // Single flight per key: the first miss starts the fill and later misses await the same task. Keyed by the
        // exact key, not by lock stripes, so fills of different keys never queue behind each other, and a fill may
        // itself read a cached key (a search page reads its facets) without lock-order deadlocks. The fill does not
        // belong to any one caller, so it is not cancelled with the first one; its queries' timeouts bound it.
        var mine = new Lazy<Task<object?>>(async () => await FillAsync(db, redisKey, ttl, factory));
        var fill = fills.InFlight.GetOrAdd(redisKey, mine);
        if (ReferenceEquals(fill, mine))
        {
            _ = mine.Value.ContinueWith(_ => fills.InFlight.TryRemove(KeyValuePair.Create(redisKey, mine)), TaskScheduler.Default);
        }

        return (T)(await fill.Value.WaitAsync(cancellationToken))!;
    }

    private static async Task<T> FillAsync<T>(IDatabase db, string redisKey, TimeSpan ttl, Func<CancellationToken, Task<T>> factory)
    {
        if (await db.StringGetAsync(redisKey) is { HasValue: true } filled)
        {
            return Deserialize<T>(filled);
        }

        var generationKey = GenerationKey(redisKey);
        var generation = await db.StringGetAsync(generationKey);
        var value = await factory(CancellationToken.None);

        var store = db.CreateTransaction();
        store.AddCondition(generation.HasValue ? Condition.StringEqual(generationKey, generation) : Condition.KeyNotExists(generationKey));
        _ = store.StringSetAsync(redisKey, JsonSerializer.SerializeToUtf8Bytes(value), ttl);
        await store.ExecuteAsync();
        return value;
    }

    public async Task RemoveAsync(string key, CancellationToken cancellationToken)
    {
        var redisKey = keys.For(key);
        local.Remove(redisKey);
        var purge = redis.GetDatabase().CreateTransaction();
        _ = purge.StringIncrementAsync(GenerationKey(redisKey));
        _ = purge.KeyDeleteAsync(redisKey);
        await purge.ExecuteAsync();
    }

    private static RedisKey GenerationKey(string redisKey) => redisKey + ":gen";

    /// <summary>A cached null is a cached "not found".</summary>
    private static T Deserialize<T>(RedisValue value) => JsonSerializer.Deserialize<T>((byte[])value!)!;
}

/// <summary>The fills under way in this process (one per host: a singleton, where the cache itself is scoped).</summary>
internal sealed class CacheFills
{
    public ConcurrentDictionary<string, Lazy<Task<object?>>> InFlight { get; } = new(StringComparer.Ordinal);
}

public sealed class CacheOptions
{
    public const string Section = "Cache";

    /// <summary>Off: every read goes to the database (to measure the uncached cost, or to rule the cache out).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long an instance keeps its own copy (L1); the most another instance can lag behind a purge.</summary>
    [System.ComponentModel.DataAnnotations.Range(0, 300)]
    public double LocalSeconds { get; set; } = 5;
}
