using System.Globalization;
using LectureHub.Application.Learning;
using LectureHub.Domain.Learning;
using LectureHub.Infrastructure.Caching;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LectureHub.Infrastructure.Learning;

/// <summary>
/// Sessions and the heartbeat buffer in Redis, each check-and-write one Lua script so concurrent heartbeats of a
/// session cannot both pass the clock check. Keys (under the prefix): <c>watch:s:{session}</c> a hash (student,
/// lecture, duration, last seq, last time, carried allowance); <c>watch:cur:{student}:{lecture}</c> the session that
/// counts; <c>watch:q</c> the buffer, a list of <c>student|lecture|from|to|position|at</c> for <see cref="WatchBuffer"/>.
/// The scripts touch keys they derive from their arguments, so they assume one Redis, not a cluster.
/// </summary>
internal sealed class RedisWatchSessions(IConnectionMultiplexer redis, RedisKeys keys, IOptions<WatchProgressOptions> options) : IWatchSessions
{
    private const string StartScript = """
        redis.call('HSET', KEYS[1], 'student', ARGV[1], 'lecture', ARGV[2], 'dur', ARGV[4], 'seq', -1, 'at', ARGV[5], 'carry', 0)
        redis.call('EXPIRE', KEYS[1], ARGV[6])
        redis.call('SET', KEYS[2], ARGV[3], 'EX', ARGV[6])
        return 1
        """;

    /// <summary>
    /// Returns {outcome, allowed ms}. The allowance is the wall-clock time since the session's last accepted heartbeat
    /// × rate × factor, plus what the last one left unused (capped). Media times are clamped to the video's length.
    /// </summary>
    private const string RecordScript = """
        local s = redis.call('HMGET', KEYS[1], 'student', 'lecture', 'dur', 'seq', 'at', 'carry')
        if not s[1] or s[1] ~= ARGV[1] or s[2] ~= ARGV[2] then return {1, 0} end
        if redis.call('GET', KEYS[2]) ~= ARGV[3] then return {2, 0} end
        local seq = tonumber(ARGV[4])
        if seq <= tonumber(s[4]) then return {3, 0} end
        if redis.call('LLEN', KEYS[3]) >= tonumber(ARGV[13]) then return {5, 0} end
        local dur = tonumber(s[3])
        local from = math.min(tonumber(ARGV[6]), dur)
        local to = math.min(tonumber(ARGV[7]), dur)
        local pos = math.min(tonumber(ARGV[9]), dur)
        local now = tonumber(ARGV[5])
        local elapsed = math.max(0, now - tonumber(s[5]))
        local allowed = math.floor(elapsed * tonumber(ARGV[8]) * tonumber(ARGV[10])) + tonumber(s[6])
        if to - from > allowed then return {4, allowed} end
        redis.call('HSET', KEYS[1], 'seq', seq, 'at', now, 'carry', math.min(allowed - (to - from), tonumber(ARGV[11])))
        redis.call('EXPIRE', KEYS[1], ARGV[12])
        redis.call('EXPIRE', KEYS[2], ARGV[12])
        redis.call('RPUSH', KEYS[3], ARGV[1] .. '|' .. ARGV[2] .. '|' .. from .. '|' .. to .. '|' .. pos .. '|' .. now)
        return {0, allowed}
        """;

    private static readonly HeartbeatOutcome[] Outcomes =
    [
        HeartbeatOutcome.Accepted, HeartbeatOutcome.UnknownSession, HeartbeatOutcome.Superseded, HeartbeatOutcome.Duplicate,
        HeartbeatOutcome.Implausible, HeartbeatOutcome.Backlogged,
    ];

    public async Task<Guid> StartAsync(Guid studentId, Guid lectureId, long durationMs, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var session = Guid.CreateVersion7();
        await redis.GetDatabase().ScriptEvaluateAsync(StartScript, [SessionKey(session), CurrentKey(studentId, lectureId)],
        [
            studentId.ToString("N"), lectureId.ToString("N"), session.ToString("N"), durationMs, now.ToUnixTimeMilliseconds(), IdleSeconds,
        ]);
        return session;
    }

    public async Task<HeartbeatResult> RecordAsync(Heartbeat heartbeat, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(RecordScript,
            [SessionKey(heartbeat.SessionId), CurrentKey(heartbeat.StudentId, heartbeat.LectureId), keys.For(WatchBuffer.QueueKey)],
            [
                heartbeat.StudentId.ToString("N"), heartbeat.LectureId.ToString("N"), heartbeat.SessionId.ToString("N"), heartbeat.Seq,
                now.ToUnixTimeMilliseconds(), heartbeat.FromMs, heartbeat.ToMs, heartbeat.Rate.ToString(CultureInfo.InvariantCulture), heartbeat.PositionMs,
                WatchRules.PlausibilityFactor.ToString(CultureInfo.InvariantCulture), (long)WatchRules.MaxCarriedAllowance.TotalMilliseconds,
                IdleSeconds, options.Value.MaxPending,
            ]))!;
        return new HeartbeatResult(Outcomes[(int)result[0]], (long)result[1]);
    }

    private long IdleSeconds => options.Value.SessionIdleMinutes * 60L;

    private RedisKey SessionKey(Guid session) => keys.For($"watch:s:{session:N}");

    private RedisKey CurrentKey(Guid student, Guid lecture) => keys.For($"watch:cur:{student:N}:{lecture:N}");
}
