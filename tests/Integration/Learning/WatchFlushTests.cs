using LectureHub.Application.Learning;
using LectureHub.Infrastructure.Caching;
using LectureHub.Infrastructure.Learning;
using LectureHub.IntegrationTests.Courses;
using LectureHub.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using StackExchange.Redis;

namespace LectureHub.IntegrationTests.Learning;

/// <summary>
/// The buffer's promise: every accepted heartbeat reaches PostgreSQL exactly as if merged once, with heartbeats and
/// several flushers running at the same time, a flusher dying mid-batch, and the process shutting down.
/// </summary>
public sealed class WatchFlushTests(ApiFactory factory) : ApiTest(factory)
{
    private const int LectureMs = 600_000;

    [Fact]
    public async Task Concurrent_heartbeats_and_flushers_lose_nothing_and_count_nothing_twice()
    {
        var (students, lectures) = await LearnersAsync(students: 3, lectures: 2);
        var expected = new Dictionary<(Guid, Guid), (List<(int From, int To)> Intervals, int Position)>();
        var random = new Random(7);
        var plans = students.SelectMany(s => lectures.Select(l => (Student: s, Lecture: l, Seed: random.Next()))).ToList();

        using var stop = new CancellationTokenSource();
        var flushers = Enumerable.Range(0, 2).Select(_ => FlushUntilAsync(Flusher(batchSize: 37, leaseSeconds: 30), stop.Token)).ToList();
        var sent = await Task.WhenAll(plans.Select(plan => Task.Run(async () =>
        {
            // 150 heartbeats 10 s apart (in session time), each up to 10 s of play from wherever the student sought to.
            var rng = new Random(plan.Seed);
            var start = DateTimeOffset.UtcNow;
            var session = Sessions.Start(plan.Student, plan.Lecture, LectureMs, start);
            var intervals = new List<(int, int)>();
            var position = 0;
            for (var seq = 0; seq < 150; seq++)
            {
                var from = rng.Next(0, LectureMs - 10_000);
                var to = from + rng.Next(0, 10_001);
                position = to;
                var result = await Sessions.RecordAsync(new Heartbeat(session, plan.Student, plan.Lecture, seq, from, to, 1, to), start.AddSeconds(10 * (seq + 1)), default);
                Assert.Equal(HeartbeatOutcome.Accepted, result.Outcome);
                intervals.Add((from, to));
            }

            return (plan.Student, plan.Lecture, intervals, position);
        })));
        foreach (var (student, lecture, intervals, position) in sent)
        {
            expected[(student, lecture)] = (intervals, position);
        }

        await stop.CancelAsync();
        await Task.WhenAll(flushers);
        await Flusher(batchSize: 500, leaseSeconds: 30).FlushAllAsync(default);

        foreach (var ((student, lecture), (intervals, position)) in expected)
        {
            var row = await ProgressAsync(student, lecture);
            Assert.Equal((CoveredMs(intervals), position), (row.CoveredMs, row.PositionMs));
        }

        Assert.Equal(0L, await Factory.Service<WatchBuffer>().PendingAsync());
    }

    [Fact]
    public async Task A_batch_whose_flusher_died_is_redelivered_after_its_lease_and_merging_it_twice_changes_nothing()
    {
        var (students, lectures) = await LearnersAsync(students: 1, lectures: 1);
        var (student, lecture) = (students[0], lectures[0]);
        var start = DateTimeOffset.UtcNow;
        var session = Sessions.Start(student, lecture, LectureMs, start);
        for (var seq = 0; seq < 10; seq++)
        {
            await Sessions.RecordAsync(new Heartbeat(session, student, lecture, seq, seq * 10_000, (seq + 1) * 10_000, 1, (seq + 1) * 10_000), start.AddSeconds(10 * (seq + 1)), default);
        }

        // The first flusher merges the batch and dies before acknowledging it.
        var dying = Buffer(TimeProvider.System);
        var claimed = (await dying.ClaimAsync())!;
        await MergeAsync(claimed.Records);
        Assert.Null(await dying.ClaimAsync());

        // After the lease, the next claim takes the same batch over; merging it again changes nothing.
        var later = Buffer(new ShiftedClock(TimeSpan.FromSeconds(31)));
        var redelivered = (await later.ClaimAsync())!;
        Assert.Equal(claimed.Id, redelivered.Id);
        Assert.Equal(claimed.Records, redelivered.Records);
        await MergeAsync(redelivered.Records);
        await later.AcknowledgeAsync(redelivered.Id);
        Assert.Null(await later.ClaimAsync());

        Assert.Equal((100_000, 100_000), await ProgressAsync(student, lecture));
    }

    [Fact]
    public async Task Shutting_down_flushes_what_the_buffer_holds()
    {
        var (students, lectures) = await LearnersAsync(students: 1, lectures: 1);
        var flusher = Flusher(batchSize: 2000, leaseSeconds: 30, intervalMs: 60_000);
        await flusher.StartAsync(default);
        await Task.Delay(300); // its first pass found nothing; the next is a minute away

        var start = DateTimeOffset.UtcNow;
        var session = Sessions.Start(students[0], lectures[0], LectureMs, start);
        await Sessions.RecordAsync(new Heartbeat(session, students[0], lectures[0], 0, 0, 8_000, 1, 8_000), start.AddSeconds(10), default);
        Assert.Equal(0L, await Api.ScalarAsync<long>(ApiFactory.PrimaryConnectionString, "SELECT count(*) FROM lecture_progress"));

        await flusher.StopAsync(default);
        Assert.Equal((8_000, 8_000), await ProgressAsync(students[0], lectures[0]));
    }

    [Fact]
    public async Task Two_flushes_completing_the_same_course_at_once_issue_one_certificate()
    {
        var (students, lectures) = await LearnersAsync(students: 1, lectures: 1);
        var watchedAll = new[] { new WatchRecord(students[0], lectures[0], 0, LectureMs, LectureMs, DateTimeOffset.UtcNow) };

        var merges = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            try
            {
                await MergeAsync(watchedAll);
                return "merged";
            }
            catch (Application.Common.Exceptions.ConflictException)
            {
                return "conflict"; // the batch stays leased and is merged again later, finding the certificate
            }
        }));

        Assert.Contains("merged", merges);
        Assert.Equal(1L, await Api.ScalarAsync<long>(ApiFactory.PrimaryConnectionString, "SELECT count(*) FROM certificates"));
        await MergeAsync(watchedAll);
        Assert.Equal(1L, await Api.ScalarAsync<long>(ApiFactory.PrimaryConnectionString, "SELECT count(*) FROM certificates"));
    }

    private IWatchSessions Sessions => Factory.Service<IWatchSessions>();

    /// <summary>Students enrolled in a free course whose lectures have no video (the instructor's 600 s stand).</summary>
    private async Task<(List<Guid> Students, List<Guid> Lectures)> LearnersAsync(int students, int lectures)
    {
        var instructor = await Client.SignUpAsync("instructor@lecturehub.test", "Instructor");
        var course = await Client.FreeCourseAsync(instructor, await Factory.WeldingCategoryAsync(), lectures);
        var ids = new List<Guid>();
        for (var i = 0; i < students; i++)
        {
            var student = await Client.SignUpAsync($"student{i}@lecturehub.test");
            await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/courses/{course.Id}/enrollment", student)).ReadAsync<object>(System.Net.HttpStatusCode.Created);
            ids.Add(await Api.ScalarAsync<Guid>(ApiFactory.PrimaryConnectionString, "SELECT id FROM users WHERE email = @e", ("e", $"student{i}@lecturehub.test")));
        }

        return (ids, course.Curriculum[0].Lectures.Select(l => l.Id).ToList());
    }

    private WatchBuffer Buffer(TimeProvider clock, int batchSize = 2000, int leaseSeconds = 30) => new(
        Factory.Service<IConnectionMultiplexer>(), Factory.Service<RedisKeys>(),
        Options.Create(new WatchProgressOptions { BatchSize = batchSize, LeaseSeconds = leaseSeconds }), clock, NullLogger<WatchBuffer>.Instance);

    private WatchProgressFlusher Flusher(int batchSize, int leaseSeconds, int intervalMs = 50)
    {
        var options = Options.Create(new WatchProgressOptions { BatchSize = batchSize, LeaseSeconds = leaseSeconds, FlushIntervalMs = intervalMs });
        return new WatchProgressFlusher(Buffer(TimeProvider.System, batchSize, leaseSeconds), Factory.Service<IServiceScopeFactory>(), options,
            TimeProvider.System, NullLogger<WatchProgressFlusher>.Instance);
    }

    private static async Task FlushUntilAsync(WatchProgressFlusher flusher, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            if (await flusher.FlushOnceAsync(default) == 0)
            {
                await Task.Delay(5, CancellationToken.None);
            }
        }
    }

    private async Task MergeAsync(IReadOnlyList<WatchRecord> records)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Mediator.IMediator>().Send(new Application.Learning.Commands.MergeWatchedIntervalsCommand(records));
    }

    private static async Task<(int CoveredMs, int PositionMs)> ProgressAsync(Guid student, Guid lecture)
    {
        await using var connection = new NpgsqlConnection(ApiFactory.PrimaryConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT covered_ms, position_ms FROM lecture_progress WHERE student_id = @s AND lecture_id = @l", connection);
        command.Parameters.AddWithValue("s", student);
        command.Parameters.AddWithValue("l", lecture);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), "no progress row");
        return (reader.GetInt32(0), reader.GetInt32(1));
    }

    /// <summary>The length of the union of half-open intervals, computed the plain way.</summary>
    private static int CoveredMs(List<(int From, int To)> intervals)
    {
        var covered = 0;
        var end = int.MinValue;
        foreach (var (from, to) in intervals.Where(i => i.To > i.From).OrderBy(i => i.From))
        {
            if (to <= end)
            {
                continue;
            }

            covered += to - Math.Max(from, end);
            end = to;
        }

        return covered;
    }

    private sealed class ShiftedClock(TimeSpan by) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow() + by;
    }
}
