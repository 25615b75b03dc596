using StackExchange.Redis;

namespace LectureHub.Infrastructure.Caching;

/// <summary>
/// What a Redis outage looks like to a caller: a RedisException (connection lost, server error) or a
/// RedisTimeoutException, which is a TimeoutException and not a RedisException. Code that degrades on an outage
/// must catch both.
/// </summary>
internal static class RedisOutage
{
    public static bool Is(Exception exception) => exception is RedisException or RedisTimeoutException;
}
