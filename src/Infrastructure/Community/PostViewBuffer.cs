using System.Globalization;
using LectureHub.Application.Community;
using LectureHub.Infrastructure.Caching;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LectureHub.Infrastructure.Community;

/// <summary>
/// Views in Redis. Recording is one script: <c>pv:{post}:{viewer}</c> is set if absent with the window as its TTL, and
/// only then the post's field in the pending hash <c>pv:pending</c> goes up by one, so a viewer counts once per window
/// however many requests race. A claim renames the pending hash to a batch of its own (<c>pv:b:{id}</c>, a fresh
/// GUID) under a lease, or takes over a batch whose lease ran out; the batch is deleted once PostgreSQL holds it, and
/// PostgreSQL remembers applied batch ids, so a batch flushed twice counts once. Scripts name keys derived from their
/// arguments: one Redis, not a cluster.
/// </summary>
internal sealed class PostViewBuffer(
    IConnectionMultiplexer redis, RedisKeys keys, IOptions<CommunityOptions> options, TimeProvider clock, ILogger<PostViewBuffer> logger) : IPostViewCounter
{
    private const string RecordScript = """
        if redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[1]) then
          redis.call('HINCRBY', KEYS[2], ARGV[2], 1)
          return 1
        end
        return 0
        """;

    /// <summary>An expired batch first (its flusher died), else the pending views as a new batch. Returns {} when idle.</summary>
    private const string ClaimScript = """
        local now = tonumber(ARGV[1])
        local expired = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now, 'LIMIT', 0, 1)
        local id = ARGV[3]
        if #expired > 0 then
          id = expired[1]
        elseif redis.call('EXISTS', KEYS[1]) == 1 then
          redis.call('RENAME', KEYS[1], ARGV[4] .. id)
        else
          return {}
        end
        redis.call('ZADD', KEYS[2], now + tonumber(ARGV[2]), id)
        return {id, redis.call('HGETALL', ARGV[4] .. id)}
        """;

    private readonly RedisKey _pending = keys.For("pv:pending");
    private readonly RedisKey _leases = keys.For("pv:leases");
    private readonly string _viewerPrefix = keys.For("pv:");
    private readonly string _batchPrefix = keys.For("pv:b:");

    public async Task RecordAsync(Guid postId, string viewer, CancellationToken cancellationToken)
    {
        var post = postId.ToString("N");
        try
        {
            // Sent without waiting for the answer: the reader never waits on counting. The multiplexer keeps one
            // ordered connection, so a flush claimed after this read returned finds the view.
            await redis.GetDatabase().ScriptEvaluateAsync(RecordScript, [_viewerPrefix + post + ":" + viewer, _pending],
                [(long)TimeSpan.FromHours(options.Value.ViewWindowHours).TotalMilliseconds, post], CommandFlags.FireAndForget);
        }
        catch (Exception ex) when (RedisOutage.Is(ex))
        {
            // The reader still gets the post; this view goes uncounted while Redis is away.
            logger.LogWarning(ex, "Redis unavailable: a view of post {PostId} was not counted", postId);
        }
    }

    public async Task<ViewBatch?> ClaimAsync()
    {
        var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(ClaimScript, [_pending, _leases],
            [clock.GetUtcNow().ToUnixTimeMilliseconds(), options.Value.ViewLeaseSeconds * 1000L, Guid.CreateVersion7().ToString("N"), _batchPrefix]))!;
        if (result.Length == 0)
        {
            return null;
        }

        var fields = (RedisResult[])result[1]!;
        var views = new List<PostViews>(fields.Length / 2);
        for (var i = 0; i + 1 < fields.Length; i += 2)
        {
            views.Add(new PostViews(Guid.ParseExact((string)fields[i]!, "N"), int.Parse((string)fields[i + 1]!, CultureInfo.InvariantCulture)));
        }

        return new ViewBatch(Guid.ParseExact((string)result[0]!, "N"), views);
    }

    /// <summary>PostgreSQL holds the batch: forget it.</summary>
    public async Task AcknowledgeAsync(Guid batchId)
    {
        var db = redis.GetDatabase();
        var id = batchId.ToString("N");
        await Task.WhenAll(db.KeyDeleteAsync(_batchPrefix + id), db.SortedSetRemoveAsync(_leases, id));
    }
}

/// <summary>A claimed batch of views: its id (applied once in PostgreSQL) and the new views per post.</summary>
internal sealed record ViewBatch(Guid Id, IReadOnlyList<PostViews> Views);
