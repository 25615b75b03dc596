using System.Collections.Frozen;
using LectureHub.Application.Abstractions;
using LectureHub.Infrastructure.Caching;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LectureHub.Infrastructure.Identity;

/// <summary>
/// Revoked sessions live in one Redis sorted set, scored by when their last access token expires, and each instance
/// keeps a copy in memory that it reloads every <see cref="JwtOptions.RevocationRefreshSeconds"/>. A revocation
/// therefore reaches every instance within that interval (and the revoking instance at once), and the request path
/// reads only memory. Entries leave the set when no token of theirs can still be valid.
/// </summary>
internal sealed class RedisSessionRevocations(
    IConnectionMultiplexer redis, RedisKeys keys, IOptions<JwtOptions> jwt, TimeProvider clock, ILogger<RedisSessionRevocations> logger)
    : BackgroundService, ISessionRevocations
{
    private FrozenSet<Guid> _revoked = FrozenSet<Guid>.Empty;

    private RedisKey Key => keys.For("revoked-sessions");

    public bool IsRevoked(Guid sessionId) => _revoked.Contains(sessionId);

    public async Task RevokeAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        // Past the lifetime of a token issued now, plus the validator's clock skew.
        var until = clock.GetUtcNow().AddMinutes(jwt.Value.AccessTokenMinutes + 1).ToUnixTimeSeconds();
        await redis.GetDatabase().SortedSetAddAsync(Key, sessionId.ToString("N"), until);
        _revoked = _revoked.Append(sessionId).ToFrozenSet();
    }

    internal async Task ReloadAsync()
    {
        var db = redis.GetDatabase();
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        await db.SortedSetRemoveRangeByScoreAsync(Key, double.NegativeInfinity, now);
        var members = await db.SortedSetRangeByScoreAsync(Key, now, double.PositiveInfinity);
        _revoked = members.Select(m => Guid.ParseExact(m.ToString(), "N")).ToFrozenSet();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromSeconds(jwt.Value.RevocationRefreshSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ReloadAsync();
            }
            catch (Exception ex) when (RedisOutage.Is(ex))
            {
                // Keep the last copy: revocations made meanwhile reach this instance when Redis is back.
                logger.LogWarning(ex, "Reloading revoked sessions failed; keeping {Count} known, retrying in {Interval}", _revoked.Count, every);
            }

            await Task.Delay(every, clock, stoppingToken);
        }
    }
}
