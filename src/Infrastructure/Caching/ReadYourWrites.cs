using LectureHub.Application.Abstractions;
using LectureHub.Application.Observability;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LectureHub.Infrastructure.Caching;

/// <summary>
/// After a user's command commits, a short-lived Redis marker (visible to every API instance) sends that user's reads
/// to the primary and past caches, so they always see their own write. Everyone else keeps reading replicas.
/// Scoped: the answer is looked up at most once per request.
/// </summary>
internal sealed class ReadYourWrites(
    IConnectionMultiplexer redis,
    RedisKeys keys,
    ICurrentUser currentUser,
    IOptions<ReadYourWritesOptions> options,
    LectureHubMetrics metrics,
    ILogger<ReadYourWrites> logger) : IReadConsistency
{
    private readonly HashSet<Guid> _writers = [];
    private bool? _mustReadPrimary;

    public async ValueTask<bool> MustReadOwnWritesAsync(CancellationToken cancellationToken)
    {
        if (currentUser.UserId is not { } userId)
        {
            return false;
        }

        if (_mustReadPrimary is { } known)
        {
            return known;
        }

        try
        {
            _mustReadPrimary = await redis.GetDatabase().KeyExistsAsync(Key(userId));
            if (_mustReadPrimary.Value)
            {
                Routed("recent_write");
            }

            return _mustReadPrimary.Value;
        }
        catch (Exception ex) when (RedisOutage.Is(ex))
        {
            // Without the marker we cannot tell; the primary is always fresh, so read there.
            logger.LogWarning(ex, "Read-your-writes lookup failed; reading from the primary");
            Routed("redis_unavailable");
            return (_mustReadPrimary = true).Value;
        }
    }

    public void NoteWriteBy(Guid userId) => _writers.Add(userId);

    /// <summary>
    /// Called by the unit of work after every commit. It must not fail: the command has committed, and an
    /// error here would make the client retry it. A lost marker only risks one stale read until the replica catches up.
    /// </summary>
    public async Task MarkWritersAsync()
    {
        if (currentUser.UserId is { } caller)
        {
            _writers.Add(caller);
            _mustReadPrimary = true;
        }

        var window = TimeSpan.FromSeconds(options.Value.WindowSeconds);
        var db = redis.GetDatabase();
        try
        {
            await Task.WhenAll(_writers.Select(id => db.StringSetAsync(Key(id), 1, window)));
        }
        catch (Exception ex) when (RedisOutage.Is(ex))
        {
            logger.LogWarning(ex, "Could not record read-your-writes markers for {Writers}", string.Join(",", _writers));
        }

        _writers.Clear();
    }

    private void Routed(string reason) => metrics.PrimaryReads.Add(1, new KeyValuePair<string, object?>("reason", reason));

    private RedisKey Key(Guid userId) => keys.For($"ryw:{userId:N}");
}
