using LectureHub.Application.Learning;
using LectureHub.Infrastructure.Caching;
using LectureHub.Infrastructure.Learning;
using LectureHub.IntegrationTests.Support;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LectureHub.IntegrationTests.Learning;

/// <summary>
/// The clock rules of watch sessions, against the real Redis scripts, with the times given to the millisecond:
/// wall-clock time × rate × 1.1 since the last heartbeat, plus what earlier heartbeats left unused (at most 30 s).
/// </summary>
public sealed class WatchSessionTests(ApiFactory factory) : ApiTest(factory)
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private readonly Guid _student = Guid.NewGuid();
    private readonly Guid _lecture = Guid.NewGuid();

    private IWatchSessions Sessions => Factory.Service<IWatchSessions>();

    [Fact]
    public async Task A_heartbeat_is_believed_up_to_the_wall_clock_times_rate_times_1_1()
    {
        var session = Sessions.Start(_student, _lecture, 600_000, T0);

        Assert.Equal(new HeartbeatResult(HeartbeatOutcome.Accepted, 11_000), await RecordAsync(session, 0, At(10), 0, 10_000));
        // 10 s later, 11 s of allowance plus the 1 s the first one left: 20 s is too much, and nothing is recorded.
        Assert.Equal(new HeartbeatResult(HeartbeatOutcome.Implausible, 12_000), await RecordAsync(session, 1, At(20), 10_000, 30_000));
        Assert.Equal(HeartbeatOutcome.Accepted, (await RecordAsync(session, 1, At(20), 10_000, 22_000)).Outcome);
        // At 2× a player covers twice the media time.
        Assert.Equal(HeartbeatOutcome.Accepted, (await RecordAsync(session, 2, At(30), 22_000, 42_000, rate: 2)).Outcome);
        Assert.Equal([(0, 10_000), (10_000, 22_000), (22_000, 42_000)], await BufferedAsync());
    }

    [Fact]
    public async Task Concurrent_heartbeats_of_one_session_cannot_both_spend_the_same_wall_clock()
    {
        var session = Sessions.Start(_student, _lecture, 600_000, T0);

        // Twenty heartbeats at once, each claiming the whole 10 s the clock allows: the check and the write are one
        // script, so exactly one is believed; the rest find no allowance left (or a newer seq already counted).
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(seq => RecordAsync(session, seq, At(10), seq * 10_000, (seq + 1) * 10_000)));

        Assert.Single(results, r => r.Outcome == HeartbeatOutcome.Accepted);
        Assert.All(results, r => Assert.Contains(r.Outcome, new[] { HeartbeatOutcome.Accepted, HeartbeatOutcome.Implausible, HeartbeatOutcome.Duplicate }));
        Assert.Single(await BufferedAsync());
    }

    [Fact]
    public async Task A_late_heartbeat_leaves_its_unused_time_to_the_next_but_a_pause_banks_at_most_30_seconds()
    {
        var session = Sessions.Start(_student, _lecture, 600_000, T0);
        // The first arrives 2 s late and the second on time: 8 s apart, each covering 10 s. The carry makes it fit.
        Assert.Equal(HeartbeatOutcome.Accepted, (await RecordAsync(session, 0, At(12), 0, 10_000)).Outcome);
        Assert.Equal(HeartbeatOutcome.Accepted, (await RecordAsync(session, 1, At(20), 10_000, 20_000)).Outcome);

        // Ten idle minutes, then 1 s of play: the next heartbeat, a second later, may claim 1.1 s + 30 s, not 10 minutes.
        Assert.Equal(HeartbeatOutcome.Accepted, (await RecordAsync(session, 2, At(620), 20_000, 21_000)).Outcome);
        Assert.Equal(new HeartbeatResult(HeartbeatOutcome.Implausible, 31_100), await RecordAsync(session, 3, At(621), 21_000, 60_000));
    }

    [Fact]
    public async Task Repeats_count_once_and_a_newer_session_supersedes_the_older_once_it_plays()
    {
        var phone = Sessions.Start(_student, _lecture, 600_000, T0);
        Assert.Equal(HeartbeatOutcome.Accepted, (await RecordAsync(phone, 5, At(10), 0, 10_000)).Outcome);
        Assert.Equal(HeartbeatOutcome.Duplicate, (await RecordAsync(phone, 5, At(11), 0, 10_000)).Outcome);
        Assert.Equal(HeartbeatOutcome.Duplicate, (await RecordAsync(phone, 4, At(12), 0, 1_000)).Outcome);

        // The laptop's session starts at 30 s; the phone keeps counting until the laptop's first heartbeat.
        var laptop = Sessions.Start(_student, _lecture, 600_000, At(30));
        Assert.Equal(HeartbeatOutcome.Accepted, (await RecordAsync(phone, 6, At(20), 10_000, 20_000)).Outcome);
        Assert.Equal(HeartbeatOutcome.Accepted, (await RecordAsync(laptop, 0, At(40), 20_000, 30_000)).Outcome);
        Assert.Equal(HeartbeatOutcome.Superseded, (await RecordAsync(phone, 7, At(41), 30_000, 31_000)).Outcome);
        Assert.Equal([(0, 10_000), (10_000, 20_000), (20_000, 30_000)], await BufferedAsync());
    }

    [Fact]
    public async Task A_session_token_works_only_for_its_student_and_lecture_unaltered_and_for_a_day()
    {
        var session = Sessions.Start(_student, _lecture, 600_000, T0);
        Assert.Equal(HeartbeatOutcome.UnknownSession, (await Sessions.RecordAsync(new Heartbeat(session, Guid.NewGuid(), _lecture, 0, 0, 0, 1, 0), At(10), default)).Outcome);
        Assert.Equal(HeartbeatOutcome.UnknownSession, (await Sessions.RecordAsync(new Heartbeat(session, _student, Guid.NewGuid(), 0, 0, 0, 1, 0), At(10), default)).Outcome);
        var tampered = (session[0] == 'A' ? "B" : "A") + session[1..];
        Assert.Equal(HeartbeatOutcome.UnknownSession, (await RecordAsync(tampered, 0, At(10), 0, 0)).Outcome);
        Assert.Equal(HeartbeatOutcome.UnknownSession, (await RecordAsync("not a token", 0, At(10), 0, 0)).Outcome);
        Assert.Equal(HeartbeatOutcome.UnknownSession, (await RecordAsync(session, 0, T0.AddHours(25), 0, 0)).Outcome);
        Assert.Equal(HeartbeatOutcome.Accepted, (await RecordAsync(session, 0, T0.AddHours(23), 0, 10_000)).Outcome);
    }

    [Fact]
    public async Task Media_times_are_clamped_to_the_video_and_a_full_buffer_refuses_new_heartbeats()
    {
        var session = Sessions.Start(_student, _lecture, 4_000, T0);
        Assert.Equal(HeartbeatOutcome.Accepted, (await RecordAsync(session, 0, At(10), 0, 9_000)).Outcome);
        Assert.Equal([(0, 4_000)], await BufferedAsync());

        var small = new RedisWatchSessions(Factory.Service<IConnectionMultiplexer>(), Factory.Service<RedisKeys>(),
            Options.Create(new WatchProgressOptions { MaxPending = 1000, SessionKey = Factory.Service<IOptions<WatchProgressOptions>>().Value.SessionKey }));
        var db = Factory.Service<IConnectionMultiplexer>().GetDatabase();
        await db.ListRightPushAsync(Factory.Service<RedisKeys>().For(WatchBuffer.QueueKey), Enumerable.Range(0, 999).Select(i => (RedisValue)$"filler {i}").ToArray());
        Assert.Equal(HeartbeatOutcome.Backlogged, (await small.RecordAsync(new Heartbeat(session, _student, _lecture, 1, 0, 1_000, 1, 1_000), At(20), default)).Outcome);
    }

    private static DateTimeOffset At(int seconds) => T0.AddSeconds(seconds);

    private Task<HeartbeatResult> RecordAsync(string session, long seq, DateTimeOffset now, long from, long to, double rate = 1) =>
        Sessions.RecordAsync(new Heartbeat(session, _student, _lecture, seq, from, to, rate, to), now, default);

    private async Task<List<(int, int)>> BufferedAsync()
    {
        var db = Factory.Service<IConnectionMultiplexer>().GetDatabase();
        var items = await db.ListRangeAsync(Factory.Service<RedisKeys>().For(WatchBuffer.QueueKey));
        return items.Select(i => WatchBuffer.Parse(i!)!).Select(r => (r.FromMs, r.ToMs)).ToList();
    }
}
