using LectureHub.Application.Abstractions;
using LectureHub.Infrastructure.Identity;
using LectureHub.UnitTests.Support;
using Microsoft.Extensions.Options;

namespace LectureHub.UnitTests.Infrastructure;

/// <summary>The throttle an instance keeps while Redis is down follows Redis's rules and windows.</summary>
public sealed class InProcessLoginThrottleTests
{
    private readonly TestClock _clock = new(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));

    private InProcessLoginThrottle Throttle(LoginThrottleOptions options) => new(_clock, Options.Create(options));

    [Fact]
    public async Task A_source_past_its_failures_waits_out_a_window_that_started_at_its_first_failure()
    {
        var throttle = Throttle(new LoginThrottleOptions { MaxFailures = 3, WindowMinutes = 10 });
        await throttle.RecordFailureAsync("a@example.com", "ip", CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(4));
        await throttle.RecordFailureAsync("a@example.com", "ip", CancellationToken.None);
        Assert.Equal(LoginGate.Open, await throttle.CheckAsync("a@example.com", "ip", false, CancellationToken.None));
        await throttle.RecordFailureAsync("a@example.com", "ip", CancellationToken.None);

        Assert.Equal(new LoginGate(TimeSpan.FromMinutes(6), TimeSpan.Zero), await throttle.CheckAsync("a@example.com", "ip", false, CancellationToken.None));
        _clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(LoginGate.Open, await throttle.CheckAsync("a@example.com", "ip", false, CancellationToken.None));
    }

    [Fact]
    public async Task An_account_past_its_ceiling_slows_unknown_sources_only()
    {
        var throttle = Throttle(new LoginThrottleOptions { MaxFailures = 100, AccountCeiling = 2, AccountDelayMilliseconds = 1500 });
        await throttle.RecordFailureAsync("a@example.com", "one", CancellationToken.None);
        await throttle.RecordFailureAsync("a@example.com", "two", CancellationToken.None);

        Assert.Equal(new LoginGate(null, TimeSpan.FromMilliseconds(1500)), await throttle.CheckAsync("a@example.com", "three", false, CancellationToken.None));
        Assert.Equal(LoginGate.Open, await throttle.CheckAsync("a@example.com", "device", true, CancellationToken.None));
        Assert.Equal(LoginGate.Open, await throttle.CheckAsync("b@example.com", "three", false, CancellationToken.None));
    }

    [Fact]
    public async Task Its_memory_is_bounded_and_expired_windows_make_room()
    {
        var throttle = Throttle(new LoginThrottleOptions { MaxFailures = 1, WindowMinutes = 10 });
        for (var i = 0; i < InProcessLoginThrottle.MaxWindows / 2; i++)
        {
            await throttle.RecordFailureAsync($"u{i}@example.com", "ip", CancellationToken.None);
        }

        await throttle.RecordFailureAsync("late@example.com", "ip", CancellationToken.None);
        Assert.Equal(LoginGate.Open, await throttle.CheckAsync("late@example.com", "ip", false, CancellationToken.None)); // full: not counted

        _clock.Advance(TimeSpan.FromMinutes(10));
        await throttle.RecordFailureAsync("late@example.com", "ip", CancellationToken.None);
        Assert.NotNull((await throttle.CheckAsync("late@example.com", "ip", false, CancellationToken.None)).RetryAfter);
    }
}
