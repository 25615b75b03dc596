using System.Globalization;
using LectureHub.Application.Learning;
using LectureHub.Infrastructure.Caching;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LectureHub.Infrastructure.Learning;

/// <summary>
/// The heartbeat buffer's consumer side. A claim moves up to a batch of records from the queue into a batch of its own
/// with a lease, in one script; the batch is deleted only once its records are committed to PostgreSQL. A flusher
/// that dies leaves its batch leased, and the next claim after the lease takes it over, so every accepted heartbeat
/// reaches the database at least once. Merging is idempotent, which makes "at least once" exact.
/// </summary>
internal sealed class WatchBuffer(IConnectionMultiplexer redis, RedisKeys keys, IOptions<WatchProgressOptions> options, TimeProvider clock, ILogger<WatchBuffer> logger)
{
    public const string QueueKey = "watch:q";

    /// <summary>An expired batch first (its flusher died), else a new one from the head of the queue. Returns {} when idle.</summary>
    private const string ClaimScript = """
        local now = tonumber(ARGV[1])
        local expired = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now, 'LIMIT', 0, 1)
        if #expired > 0 then
          redis.call('ZADD', KEYS[2], now + tonumber(ARGV[2]), expired[1])
          return {expired[1], redis.call('LRANGE', ARGV[4] .. expired[1], 0, -1)}
        end
        local items = redis.call('LRANGE', KEYS[1], 0, tonumber(ARGV[3]) - 1)
        if #items == 0 then return {} end
        local id = redis.call('INCR', KEYS[3])
        for i = 1, #items, 500 do
          redis.call('RPUSH', ARGV[4] .. id, unpack(items, i, math.min(i + 499, #items)))
        end
        redis.call('LTRIM', KEYS[1], #items, -1)
        redis.call('ZADD', KEYS[2], now + tonumber(ARGV[2]), id)
        return {tostring(id), items}
        """;

    private readonly RedisKey _queue = keys.For(QueueKey);
    private readonly RedisKey _leases = keys.For("watch:leases");
    private readonly RedisKey _counter = keys.For("watch:batch-id");
    private readonly string _batchPrefix = keys.For("watch:b:");

    public async Task<WatchBatch?> ClaimAsync()
    {
        var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(ClaimScript, [_queue, _leases, _counter],
            [clock.GetUtcNow().ToUnixTimeMilliseconds(), options.Value.LeaseSeconds * 1000L, options.Value.BatchSize, _batchPrefix]))!;
        if (result.Length == 0)
        {
            return null;
        }

        var id = long.Parse((string)result[0]!, CultureInfo.InvariantCulture);
        var records = new List<WatchRecord>();
        foreach (var item in (RedisResult[])result[1]!)
        {
            if (Parse((string)item!) is { } record)
            {
                records.Add(record);
            }
            else
            {
                // Only this service writes the buffer, so this is a bug; one bad record must not hold the batch hostage.
                logger.LogError("Watch batch {BatchId}: dropping an unreadable record {Record}", id, (string?)item);
            }
        }

        return new WatchBatch(id, records);
    }

    /// <summary>The batch is committed: forget it. A batch taken over meanwhile is forgotten once, by whoever finishes first.</summary>
    public async Task AcknowledgeAsync(long batchId)
    {
        var db = redis.GetDatabase();
        await Task.WhenAll(db.KeyDeleteAsync(_batchPrefix + batchId), db.SortedSetRemoveAsync(_leases, batchId));
    }

    /// <summary>Records waiting in the queue, not counting claimed batches.</summary>
    public async Task<long> PendingAsync() => await redis.GetDatabase().ListLengthAsync(_queue);

    /// <summary>When the oldest record waiting in the queue was accepted; null when the queue is empty.</summary>
    public async Task<DateTimeOffset?> OldestAsync() =>
        await redis.GetDatabase().ListGetByIndexAsync(_queue, 0) is { HasValue: true } head && Parse((string)head!) is { } record ? record.At : null;

    internal static WatchRecord? Parse(string item)
    {
        var parts = item.Split('|');
        return parts.Length == 6
               && Guid.TryParseExact(parts[0], "N", out var student) && Guid.TryParseExact(parts[1], "N", out var lecture)
               && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var from)
               && int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var to)
               && int.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out var position)
               && long.TryParse(parts[5], NumberStyles.None, CultureInfo.InvariantCulture, out var at)
               && from <= to
            ? new WatchRecord(student, lecture, from, to, position, DateTimeOffset.FromUnixTimeMilliseconds(at))
            : null;
    }
}
