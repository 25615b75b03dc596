using System.Text.Json;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Observability;
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
/// <item>Expiry: an entry past its TTL is still served for one more TTL while a single refresh runs behind it
/// (stale-while-revalidate), so readers of a hot key never wait for its refill. A purge deletes it outright.</item>
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
    TimeProvider clock,
    IOptions<CacheOptions> options,
    LectureHubMetrics metrics,
    ILogger<RedisCache> logger) : ICache
{
    public async Task<T> GetOrCreateAsync<T>(string key, TimeSpan ttl, Func<CancellationToken, Task<T>> factory, CancellationToken cancellationToken)
    {
        var cache = metrics.Cache(CacheName(key));
        if (!options.Value.Enabled || await consistency.MustReadOwnWritesAsync(cancellationToken))
        {
            cache.Count(CacheOutcome.Bypass);
            return await factory(cancellationToken);
        }

        var redisKey = keys.For(StorageKey(key));
        if (local.TryGetValue(redisKey, out T? copy))
        {
            cache.Count(CacheOutcome.Hit);
            return copy!;
        }

        try
        {
            var value = await GetOrFillAsync(redisKey, ttl, factory, cache, cancellationToken);
            local.Set(redisKey, value, TimeSpan.FromSeconds(Math.Min(options.Value.LocalSeconds, ttl.TotalSeconds)));
            return value;
        }
        catch (Exception ex) when (RedisOutage.Is(ex))
        {
            // A cache outage must not take reads down with it: serve from the database until Redis is back.
            logger.LogWarning(ex, "Cache unavailable for {Key}; reading through", key);
            return await factory(cancellationToken);
        }
    }

    private async Task<T> GetOrFillAsync<T>(
        string redisKey, TimeSpan ttl, Func<CancellationToken, Task<T>> factory, CacheCounts cache, CancellationToken cancellationToken)
    {
        var db = redis.GetDatabase();
        if (await db.StringGetAsync(redisKey) is { HasValue: true } hit)
        {
            var entry = Deserialize<Entry<T>>(hit);
            var stale = entry.FreshUntil < clock.GetUtcNow();
            cache.Count(stale ? CacheOutcome.Stale : CacheOutcome.Hit);
            if (stale)
            {
                // Aged, not purged: answer with it and refresh behind, so a popular key's expiry costs no reader a fill.
                _ = Fill(db, redisKey, ttl, factory, cache).ContinueWith(
                    t => logger.LogWarning(t.Exception, "Refreshing {Key} failed; it is served stale until it expires", redisKey),
                    CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            }

            return entry.Value;
        }

        cache.Count(CacheOutcome.Miss);
        return (T)(await Fill(db, redisKey, ttl, factory, cache).WaitAsync(cancellationToken))!;
    }

    /// <summary>
    /// Single flight per key: the first miss starts the fill and later misses await the same task. Keyed by the exact
    /// key, not by lock stripes, so fills of different keys never queue behind each other, and a fill may itself read a
    /// cached key (a search page reads its facets) without lock-order deadlocks. The fill does not belong to any one
    /// caller, so it is not cancelled with the first one; its queries' timeouts bound it.
    /// </summary>
    private Task<object?> Fill<T>(IDatabase db, string redisKey, TimeSpan ttl, Func<CancellationToken, Task<T>> factory, CacheCounts cache)
    {
        var mine = new Lazy<Task<object?>>(async () => await FillAsync(db, redisKey, ttl, factory, cache));
        var fill = fills.InFlight.GetOrAdd(redisKey, mine);
        if (ReferenceEquals(fill, mine))
        {
            _ = mine.Value.ContinueWith(_ => fills.InFlight.TryRemove(KeyValuePair.Create(redisKey, mine)), TaskScheduler.Default);
        }

        return fill.Value;
    }

    private async Task<T> FillAsync<T>(IDatabase db, string redisKey, TimeSpan ttl, Func<CancellationToken, Task<T>> factory, CacheCounts cache)
    {
        if (await db.StringGetAsync(redisKey) is { HasValue: true } filled && Deserialize<Entry<T>>(filled) is var entry && entry.FreshUntil >= clock.GetUtcNow())
        {
            return entry.Value;
        }

        var generationKey = GenerationKey(redisKey);
        var generation = await db.StringGetAsync(generationKey);
        var value = await factory(CancellationToken.None);
        cache.CountFill();

        // Kept twice as long as it is fresh: the second half is the stale-while-revalidate window.
        var store = db.CreateTransaction();
        store.AddCondition(generation.HasValue ? Condition.StringEqual(generationKey, generation) : Condition.KeyNotExists(generationKey));
        _ = store.StringSetAsync(redisKey, JsonSerializer.SerializeToUtf8Bytes(new Entry<T>(value, clock.GetUtcNow() + ttl)), ttl * 2);
        await store.ExecuteAsync();
        return value;
    }

    public async Task RemoveAsync(string key, CancellationToken cancellationToken)
    {
        var redisKey = keys.For(StorageKey(key));
        local.Remove(redisKey);
        var purge = redis.GetDatabase().CreateTransaction();
        _ = purge.StringIncrementAsync(GenerationKey(redisKey));
        _ = purge.KeyDeleteAsync(redisKey);
        await purge.ExecuteAsync();
    }

    /// <summary>
    /// The cache a key belongs to, for the metrics: its first segment, and the second when that is a word
    /// (course:{id}:v1 → course, courses:popular:all:v1 → courses:popular), so ids and hashes never become labels.
    /// </summary>
    /// <remarks>A slice of the key: the hot path (an in-process hit) allocates no string for its label.</remarks>
    internal static ReadOnlySpan<char> CacheName(ReadOnlySpan<char> key)
    {
        var first = key.IndexOf(':');
        if (first < 0)
        {
            return key;
        }

        var rest = key[(first + 1)..];
        var second = rest.IndexOf(':') is var end and >= 0 ? rest[..end] : rest;
        return second.Length > 0 && !second.SequenceEqual("all") && !second.ContainsAnyExcept(LowerLetters) ? key[..(first + 1 + second.Length)] : key[..first];
    }

    private static readonly System.Buffers.SearchValues<char> LowerLetters = System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyz");

    /// <summary>Part of every key, so a change to <see cref="Entry{T}"/>'s shape never reads another shape's bytes.</summary>
    private const string EntryFormat = "e2:";

    /// <summary>Where a cache key lives in Redis, before the instance prefix.</summary>
    internal static string StorageKey(string key) => EntryFormat + key;

    private static RedisKey GenerationKey(string redisKey) => redisKey + ":gen";

    /// <summary>A cached value and when it stops being fresh.</summary>
    private sealed record Entry<T>(T Value, DateTimeOffset FreshUntil);

    /// <summary>A cached null is a cached "not found".</summary>
    private static T Deserialize<T>(RedisValue value) => JsonSerializer.Deserialize<T>((byte[])value!)!;
}
