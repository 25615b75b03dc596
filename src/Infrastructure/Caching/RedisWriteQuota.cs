using System.Globalization;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LectureHub.Infrastructure.Caching;

/// <summary>
/// Fixed hourly windows per user and kind: <c>wq:{kind}:{user}:{window}</c> counts up and expires with its window,
/// in one script. Refused writes still count, so hammering does not buy an earlier slot.
/// </summary>
internal sealed class RedisWriteQuota(IConnectionMultiplexer redis, RedisKeys keys, IOptions<WriteQuotaOptions> options, TimeProvider clock, ILogger<RedisWriteQuota> logger)
    : IWriteQuota
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);

    private const string TakeScript = """
        local n = redis.call('INCR', KEYS[1])
        if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
        return n
        """;

    public async Task TakeAsync(WriteKind kind, Guid userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var window = now.ToUnixTimeMilliseconds() / (long)Window.TotalMilliseconds;
        var ends = DateTimeOffset.FromUnixTimeMilliseconds((window + 1) * (long)Window.TotalMilliseconds);
        long used;
        try
        {
            used = (long)await redis.GetDatabase().ScriptEvaluateAsync(TakeScript,
                [keys.For(string.Create(CultureInfo.InvariantCulture, $"wq:{kind}:{userId:N}:{window}"))], [(long)(ends - now).TotalMilliseconds + 1000]);
        }
        catch (Exception ex) when (RedisOutage.Is(ex))
        {
            logger.LogWarning(ex, "Redis unavailable: a {Kind} by {UserId} was let through without its write limit", kind, userId);
            return;
        }

        var allowance = Allowance(kind);
        if (used > allowance)
        {
            throw new TooManyRequestsException("WRITE_RATE_LIMITED",
                $"At most {allowance} {kind.ToString().ToLowerInvariant()}s an hour. Retry after the time in Retry-After.", ends - now);
        }
    }

    private int Allowance(WriteKind kind) => kind switch
    {
        WriteKind.Post => options.Value.PostsPerHour,
        WriteKind.Comment => options.Value.CommentsPerHour,
        WriteKind.Report => options.Value.ReportsPerHour,
        _ => options.Value.QuestionsPerHour,
    };
}
