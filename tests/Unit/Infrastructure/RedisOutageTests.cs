using LectureHub.Application.Abstractions;
using LectureHub.Infrastructure.Caching;
using LectureHub.Infrastructure.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using StackExchange.Redis;

namespace LectureHub.UnitTests.Infrastructure;

/// <summary>A lost connection and a timeout: both are outages (a timeout is not a RedisException).</summary>
public sealed class RedisConnectionLostTests() : RedisOutageTests(new RedisConnectionException(ConnectionFailureType.UnableToConnect, CommandFlags.None, "down", null, CommandStatus.Unknown));

public sealed class RedisTimeoutTests() : RedisOutageTests(new RedisTimeoutException(CommandFlags.None, "Timeout awaiting response (5040ms elapsed, timeout is 5000ms)", CommandStatus.Sent));

/// <summary>Redis is an accelerator, not a source of truth: when it fails, reads must still be served correctly.</summary>
public abstract class RedisOutageTests
{
    private readonly IConnectionMultiplexer _redis = Substitute.For<IConnectionMultiplexer>();
    private readonly IDatabase _db = Substitute.For<IDatabase>();
    private readonly ICurrentUser _user = Substitute.For<ICurrentUser>();

    protected RedisOutageTests(Exception down)
    {
        _redis.GetDatabase(Arg.Any<int>(), Arg.Any<object?>()).Returns(_db);
        _db.StringGetAsync(Arg.Any<RedisKey>(), Arg.Any<CommandFlags>()).ThrowsAsync(down);
        _db.KeyExistsAsync(Arg.Any<RedisKey>(), Arg.Any<CommandFlags>()).ThrowsAsync(down);
        _db.StringSetAsync(Arg.Any<RedisKey>(), Arg.Any<RedisValue>(), Arg.Any<Expiration>(), Arg.Any<ValueCondition>(), Arg.Any<CommandFlags>()).ThrowsAsync(down);
        _db.ScriptEvaluateAsync(Arg.Any<string>(), Arg.Any<RedisKey[]?>(), Arg.Any<RedisValue[]?>(), Arg.Any<CommandFlags>()).ThrowsAsync(down);
        _db.StringGetAsync(Arg.Any<RedisKey[]>(), Arg.Any<CommandFlags>()).ThrowsAsync(down);
        _db.StringIncrementAsync(Arg.Any<RedisKey>(), Arg.Any<long>(), Arg.Any<CommandFlags>()).ThrowsAsync(down);
        _db.KeyDeleteAsync(Arg.Any<RedisKey>(), Arg.Any<CommandFlags>()).ThrowsAsync(down);
    }

    [Fact]
    public async Task Sign_in_failures_are_counted_by_the_instance_when_redis_is_down_not_refused_for_everyone()
    {
        var options = Options.Create(new LoginThrottleOptions { MaxFailures = 2, WindowMinutes = 15 });
        var clock = new Support.TestClock(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));
        var throttle = new RedisLoginThrottle(_redis, new RedisKeys("lh:"), new InProcessLoginThrottle(clock, options), options,
            NullLogger<RedisLoginThrottle>.Instance);

        Assert.Equal(LoginGate.Open, await throttle.CheckAsync("a@example.com", "203.0.113.1", false, CancellationToken.None));
        await throttle.RecordFailureAsync("a@example.com", "203.0.113.1", CancellationToken.None);
        await throttle.RecordFailureAsync("a@example.com", "203.0.113.1", CancellationToken.None);

        Assert.Equal(TimeSpan.FromMinutes(15), (await throttle.CheckAsync("a@example.com", "203.0.113.1", false, CancellationToken.None)).RetryAfter);
        Assert.Equal(LoginGate.Open, await throttle.CheckAsync("a@example.com", "198.51.100.7", false, CancellationToken.None));
        await throttle.ResetAsync("a@example.com", "203.0.113.1", CancellationToken.None);
        Assert.Equal(LoginGate.Open, await throttle.CheckAsync("a@example.com", "203.0.113.1", false, CancellationToken.None));
        await _db.ReceivedWithAnyArgs(4).StringGetAsync(default(RedisKey[])!, default);
    }

    [Fact]
    public async Task A_shared_rate_limit_lets_the_request_through_when_redis_is_down()
    {
        var windows = new RedisFixedWindow(_redis, new RedisKeys("lh:"), TimeProvider.System, NullLogger<RedisFixedWindow>.Instance);

        Assert.Null(await windows.TakeAsync("rl:write:ip:127.0.0.1", TimeSpan.FromMinutes(1)));
        await _db.ReceivedWithAnyArgs(1).ScriptEvaluateAsync(default(string)!, default, default, default);
    }

    private ReadYourWrites Consistency => new(_redis, new RedisKeys("lh:"), _user, Options.Create(new ReadYourWritesOptions()), Support.TestMetrics.Create(), NullLogger<ReadYourWrites>.Instance);

    [Fact]
    public async Task The_cache_reads_through_to_the_database_when_redis_is_down()
    {
        var consistency = Substitute.For<IReadConsistency>();
        using var local = new MemoryCache(new MemoryCacheOptions());
        var cache = new RedisCache(_redis, new RedisKeys("lh:"), consistency, local, new CacheFills(), TimeProvider.System, Options.Create(new CacheOptions()), Support.TestMetrics.Create(), NullLogger<RedisCache>.Instance);

        var value = await cache.GetOrCreateAsync("k", TimeSpan.FromMinutes(1), _ => Task.FromResult(42), CancellationToken.None);

        Assert.Equal(42, value);
    }

    [Fact]
    public async Task A_signed_in_user_reads_from_the_primary_when_the_marker_cannot_be_checked()
    {
        _user.UserId.Returns(Guid.NewGuid());

        Assert.True(await Consistency.MustReadOwnWritesAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Anonymous_readers_never_touch_redis()
    {
        Assert.False(await Consistency.MustReadOwnWritesAsync(CancellationToken.None));
        await _db.DidNotReceiveWithAnyArgs().KeyExistsAsync(default(RedisKey));
    }

    [Fact]
    public async Task Failing_to_record_a_marker_after_commit_does_not_fail_the_committed_command()
    {
        var consistency = Consistency;
        consistency.NoteWriteBy(Guid.NewGuid());

        await consistency.MarkWritersAsync();

        await _db.Received(1).StringSetAsync(Arg.Any<RedisKey>(), Arg.Any<RedisValue>(), Arg.Any<Expiration>(), Arg.Any<ValueCondition>(), Arg.Any<CommandFlags>());
    }
}
