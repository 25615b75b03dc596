using System.Globalization;
using LectureHub.Application.Learning;
using LectureHub.Domain.Learning;
using LectureHub.Infrastructure.Caching;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LectureHub.Infrastructure.Learning;

/// <summary>
/// Sessions are tokens (<see cref="WatchSessionToken"/>); their state lives in Redis from the first heartbeat on, and
/// each heartbeat's check-and-write is one Lua script, so concurrent heartbeats of a session cannot both pass the clock
/// check. Keys (under the prefix): <c>watch:s:{student}:{lecture}:{session}</c> a hash (last seq, last time, carried allowance);
/// <c>watch:cur:{student}:{lecture}</c> the session that counts, as <c>{start ms}:{session}</c>; <c>watch:q</c> the
/// buffer, a list of <c>student|lecture|from|to|position|at</c> for <see cref="WatchBuffer"/>. The scripts touch
/// keys derived from their arguments, so they assume one Redis, not a cluster.
/// </summary>
internal sealed class RedisWatchSessions(IConnectionMultiplexer redis, RedisKeys keys, IOptions<WatchProgressOptions> options) : IWatchSessions
{
    /// <summary>A token older than this is refused: far past any video (6 h at most) and its credentials.</summary>
    internal static readonly TimeSpan MaxSessionAge = TimeSpan.FromDays(1);

    /// <summary>
    /// Returns {outcome, allowed ms}. A session newer than the current one takes over at its first accepted heartbeat;
    /// an older one is superseded. The allowance is the wall-clock time since the session's last accepted heartbeat
    /// (its start, at first) × rate × factor, plus what the last one left unused (capped). Media times are clamped to
    /// the video's length.
    /// </summary>
    private const string RecordScript = """
        local cur = redis.call('GET', KEYS[2])
        if cur and cur ~= ARGV[3] then
          local curStart = tonumber(string.match(cur, '^(%d+):'))
          local start = tonumber(ARGV[14])
          if curStart > start or (curStart == start and cur > ARGV[3]) then return {2, 0} end
        end
        local s = redis.call('HMGET', KEYS[1], 'seq', 'at', 'carry')
        if not s[1] then s = {-1, ARGV[14], 0} end
        local seq = tonumber(ARGV[4])
        if seq <= tonumber(s[1]) then return {3, 0} end
        if redis.call('LLEN', KEYS[3]) >= tonumber(ARGV[13]) then return {5, 0} end
        local dur = tonumber(ARGV[15])
        local from = math.min(tonumber(ARGV[6]), dur)
        local to = math.min(tonumber(ARGV[7]), dur)
        local pos = math.min(tonumber(ARGV[9]), dur)
        local now = tonumber(ARGV[5])
        local elapsed = math.max(0, now - tonumber(s[2]))
        local allowed = math.floor(elapsed * tonumber(ARGV[8]) * tonumber(ARGV[10])) + tonumber(s[3])
        if to - from > allowed then return {4, allowed} end
        redis.call('HSET', KEYS[1], 'seq', seq, 'at', now, 'carry', math.min(allowed - (to - from), tonumber(ARGV[11])))
        redis.call('EXPIRE', KEYS[1], ARGV[12])
        redis.call('SET', KEYS[2], ARGV[3], 'EX', ARGV[12])
        redis.call('RPUSH', KEYS[3], ARGV[1] .. '|' .. ARGV[2] .. '|' .. from .. '|' .. to .. '|' .. pos .. '|' .. now)
        return {0, allowed}
        """;

    private static readonly HeartbeatOutcome[] Outcomes =
    [
        HeartbeatOutcome.Accepted, HeartbeatOutcome.UnknownSession, HeartbeatOutcome.Superseded, HeartbeatOutcome.Duplicate,
        HeartbeatOutcome.Implausible, HeartbeatOutcome.Backlogged,
    ];

    private readonly WatchSessionToken _tokens = new(Convert.FromBase64String(options.Value.SessionKey));

    public string Start(Guid studentId, Guid lectureId, long durationMs, DateTimeOffset now) => _tokens.Issue(studentId, lectureId, durationMs, now);

    public async Task<HeartbeatResult> RecordAsync(Heartbeat heartbeat, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!_tokens.TryRead(heartbeat.Session, heartbeat.StudentId, heartbeat.LectureId, out var session)
            || now - session.StartedAt > MaxSessionAge || session.StartedAt - now > TimeSpan.FromMinutes(1))
        {
            return new HeartbeatResult(HeartbeatOutcome.UnknownSession);
        }

        var start = session.StartedAt.ToUnixTimeMilliseconds();
        var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(RecordScript,
            [keys.For($"watch:s:{heartbeat.StudentId:N}:{heartbeat.LectureId:N}:{session.Id:N}"), keys.For($"watch:cur:{heartbeat.StudentId:N}:{heartbeat.LectureId:N}"), keys.For(WatchBuffer.QueueKey)],
            [
                heartbeat.StudentId.ToString("N"), heartbeat.LectureId.ToString("N"), $"{start}:{session.Id:N}", heartbeat.Seq,
                now.ToUnixTimeMilliseconds(), heartbeat.FromMs, heartbeat.ToMs, heartbeat.Rate.ToString(CultureInfo.InvariantCulture), heartbeat.PositionMs,
                WatchRules.PlausibilityFactor.ToString(CultureInfo.InvariantCulture), (long)WatchRules.MaxCarriedAllowance.TotalMilliseconds,
                options.Value.SessionIdleMinutes * 60L, options.Value.MaxPending, start, session.DurationMs,
            ]))!;
        return new HeartbeatResult(Outcomes[(int)result[0]], (long)result[1]);
    }
}
