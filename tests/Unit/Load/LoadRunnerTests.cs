using LectureHub.Load.Runner;

namespace LectureHub.UnitTests.Load;

public sealed class LoadRunnerTests
{
    [Fact]
    public void Percentiles_of_a_uniform_1_to_10000_ms_distribution_are_where_they_must_be()
    {
        var stats = new StatsCollector();
        foreach (var ms in Enumerable.Range(1, 10_000).OrderBy(_ => Random.Shared.Next()))
        {
            stats.Record("step", StepOutcome.Ok(200), TimeSpan.FromMilliseconds(ms), bytes: 10);
        }

        var step = Assert.Single(stats.Summarise(TimeSpan.FromSeconds(10)));

        // HdrHistogram keeps 3 significant digits: each percentile is within 0.1% of the exact value.
        Assert.Equal(5_000, step.LatencyMs.P50, tolerance: 5);
        Assert.Equal(7_500, step.LatencyMs.P75, tolerance: 7.5);
        Assert.Equal(9_500, step.LatencyMs.P95, tolerance: 9.5);
        Assert.Equal(9_900, step.LatencyMs.P99, tolerance: 9.9);
        Assert.Equal(9_990, step.LatencyMs.P999, tolerance: 10);
        Assert.Equal(10_000, step.LatencyMs.Max, tolerance: 10);
        Assert.Equal(5_000.5, step.LatencyMs.Mean, tolerance: 5);
        Assert.Equal((10_000L, 1_000.0, 100_000L), (step.Count, step.RequestsPerSecond, step.Bytes));
    }

    [Fact]
    public void Zipf_draws_follow_one_over_rank()
    {
        var sampler = new ZipfSampler<int>([.. Enumerable.Range(0, 100)], exponent: 1.0);
        var random = new Random(7);
        var counts = new int[100];
        for (var i = 0; i < 200_000; i++)
        {
            counts[sampler.Next(random)]++;
        }

        // H(100) = 5.187: rank 1 is drawn 19.3 % of the time, rank 2 half as often, rank 100 a hundredth as often.
        Assert.Equal(1 / 5.187, sampler.Probability(0), tolerance: 0.0005);
        Assert.Equal(sampler.Probability(0) / 2, sampler.Probability(1), tolerance: 1e-12);
        Assert.Equal(0.193, counts[0] / 200_000.0, tolerance: 0.005);
        Assert.Equal(2.0, counts[0] / (double)counts[1], tolerance: 0.1);
        Assert.Equal(100.0, counts[0] / (double)counts[99], tolerance: 20);
        Assert.Equal(1.0, Enumerable.Range(0, 100).Sum(sampler.Probability), tolerance: 1e-9);
    }

    [Fact]
    public void Outcomes_are_counted_per_status_with_timeouts_as_failures()
    {
        var stats = new StatsCollector();
        stats.Record("login", StepOutcome.Ok(200), TimeSpan.FromMilliseconds(5), 0);
        stats.Record("login", StepOutcome.Failed(429), TimeSpan.FromMilliseconds(5), 0);
        stats.Record("login", StepOutcome.TimedOut, TimeSpan.FromSeconds(10), 0);
        stats.Record("login", StepOutcome.Error("ConnectionError"), TimeSpan.FromMilliseconds(1), 0);

        var login = Assert.Single(stats.Summarise(TimeSpan.FromSeconds(1)));

        Assert.Equal((4L, 1L, 3L, 1L), (login.Count, login.Ok, login.Failed, login.TimedOut));
        Assert.Equal(0.75, login.ErrorRate);
        Assert.Equal(new Dictionary<string, long> { ["200"] = 1, ["429"] = 1, ["timeout"] = 1, ["error:ConnectionError"] = 1 }, login.StatusCodes);
    }

    [Fact]
    public void Intervals_cover_only_their_own_requests()
    {
        var stats = new StatsCollector();
        stats.Record("s", StepOutcome.Ok(200), TimeSpan.FromMilliseconds(100), 0);
        var first = stats.TakeInterval(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5));
        stats.Record("s", StepOutcome.Ok(200), TimeSpan.FromMilliseconds(1), 0);
        stats.Record("s", StepOutcome.Failed(500), TimeSpan.FromMilliseconds(1), 0);
        var second = stats.TakeInterval(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5));

        Assert.Equal((1L, 0.2), (first.Steps["s"].Count, first.Steps["s"].RequestsPerSecond));
        Assert.Equal(100, first.Steps["s"].LatencyMs.Max, tolerance: 0.1);
        Assert.Equal((2L, 1L), (second.Steps["s"].Count, second.Steps["s"].Failed));
        Assert.Equal(1, second.Steps["s"].LatencyMs.Max, tolerance: 0.01);
    }

    [Fact]
    public void A_constant_rate_schedule_spaces_arrivals_evenly()
    {
        var arrivals = OpenSchedule.Phase(10, 10, TimeSpan.FromSeconds(1)).Select(t => t.TotalSeconds).ToList();

        Assert.Equal(Enumerable.Range(0, 10).Select(n => n / 10.0), arrivals, new ToleranceComparer(1e-6));
    }

    [Fact]
    public void A_ramping_schedule_follows_the_integral_of_the_rate()
    {
        // Rate 0 → 10/s over 2 s: N(t) = 2.5·t², so arrival n is at √(n / 2.5), and 10 arrive in all.
        var arrivals = OpenSchedule.Phase(0, 10, TimeSpan.FromSeconds(2)).Select(t => t.TotalSeconds).ToList();

        Assert.Equal(Enumerable.Range(0, 10).Select(n => Math.Sqrt(n / 2.5)), arrivals, new ToleranceComparer(1e-6)); // TimeSpan ticks
    }

    [Fact]
    public void Warm_up_arrivals_come_first_and_are_not_measured()
    {
        var arrivals = OpenSchedule.Arrivals(rate: 10, rampTo: null, warmup: TimeSpan.FromSeconds(1), duration: TimeSpan.FromSeconds(2)).ToList();

        Assert.Equal(30, arrivals.Count);
        Assert.All(arrivals.Take(10), a => Assert.False(a.Measured));
        Assert.All(arrivals.Skip(10), a => Assert.True(a.Measured));
        Assert.Equal(TimeSpan.FromSeconds(1), arrivals[10].Offset);
    }

    [Fact]
    public async Task Sends_held_up_behind_a_slow_server_are_counted_late_and_timed_from_their_intended_start()
    {
        // 100/s for 1 s, one iteration at a time, each taking 25 ms: send k leaves at 25k ms instead of 10k ms.
        var clock = new FakeClock();
        var engine = new Engine(new HttpClient(), clock);
        var scenario = new Scenario
        {
            Name = "slow",
            Description = "",
            Iteration = async ctx =>
            {
                clock.Advance(TimeSpan.FromMilliseconds(25));
                await Task.CompletedTask;
            },
        };

        await engine.RunOpenAsync(Options(scenario, rate: 100, maxInFlight: 1), TimeSpan.Zero, CancellationToken.None);

        // All but the first send are > 10 ms behind; the last leaves 15·99 ms late. The iteration advances the clock on
        // another thread, so the dispatcher may also wait out the first 10 ms gap before it: up to 10 ms more.
        Assert.Equal(100, engine.Stats.Sends);
        Assert.InRange(engine.Stats.LateSends, 98, 99);
        Assert.InRange(engine.Stats.MaxLateness, TimeSpan.FromMilliseconds(15 * 99), TimeSpan.FromMilliseconds((15 * 99) + 10));
    }

    [Fact]
    public async Task Sends_on_schedule_are_not_late()
    {
        var clock = new FakeClock();
        var engine = new Engine(new HttpClient(), clock);
        var scenario = new Scenario { Name = "fast", Description = "", Iteration = _ => Task.CompletedTask };

        await engine.RunOpenAsync(Options(scenario, rate: 100, maxInFlight: 10), TimeSpan.Zero, CancellationToken.None);

        Assert.Equal((100L, 0L), (engine.Stats.Sends, engine.Stats.LateSends));
    }

    [Fact]
    public async Task The_generator_cost_is_measured_while_sending_not_during_setup()
    {
        // Setup (signing in hundreds of students) can take minutes; dividing the generator's CPU by it hid the cost.
        var clock = new FakeClock();
        var scenario = new Scenario
        {
            Name = "setup",
            Description = "",
            Setup = _ =>
            {
                clock.Advance(TimeSpan.FromMinutes(3));
                return Task.CompletedTask;
            },
            Iteration = _ => Task.CompletedTask,
        };

        var result = await new Engine(new HttpClient(), clock).RunAsync(Options(scenario, rate: 10, maxInFlight: 1), CancellationToken.None);

        Assert.InRange(result.GeneratorWall, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(2)); // the last of 10 sends leaves at 0.9 s
        Assert.True(result.GeneratorCpu > TimeSpan.Zero);
    }

    [Fact]
    public async Task The_run_waits_for_ready_after_the_setup_and_before_the_first_send()
    {
        var order = new List<string>();
        var scenario = new Scenario
        {
            Name = "paired",
            Description = "",
            Setup = _ =>
            {
                order.Add("setup");
                return Task.CompletedTask;
            },
            Iteration = _ =>
            {
                lock (order)
                {
                    order.Add("send");
                }

                return Task.CompletedTask;
            },
        };
        var options = Options(scenario, rate: 10, maxInFlight: 1) with
        {
            Ready = _ =>
            {
                order.Add("ready");
                return Task.CompletedTask;
            },
        };

        var result = await new Engine(new HttpClient(), new FakeClock()).RunAsync(options, CancellationToken.None);

        Assert.Equal(["setup", "ready", "send"], order.Take(3));
        Assert.Equal(10, result.Sends);
    }

    [Fact]
    public void A_round_robin_feed_cycles_through_its_items()
    {
        var feed = new Feed<string>(["a", "b", "c"]);

        Assert.Equal(["a", "b", "c", "a"], Enumerable.Range(0, 4).Select(_ => feed.Next()));
    }

    [Fact]
    public async Task An_interval_tick_that_comes_late_is_reported_at_once_and_the_run_completes()
    {
        // A busy machine freezes the generator for 3.5 s just after the first second: the reporter wakes past the ticks
        // of seconds 2, 3 and 4, and must report them instead of asking its clock for a negative wait.
        var clock = new StallingClock(at: TimeSpan.FromSeconds(1), stall: TimeSpan.FromSeconds(3.5));
        var scenario = new Scenario { Name = "stalled", Description = "", Iteration = _ => Task.CompletedTask };
        var options = new RunOptions(scenario, LoadModel.Open(10), new Uri("http://127.0.0.1"), Duration: TimeSpan.FromSeconds(5),
            Warmup: TimeSpan.Zero, Interval: TimeSpan.FromSeconds(1), [], false, MaxInFlight: 10, LateAfter: TimeSpan.FromMilliseconds(10));

        var result = await new Engine(new HttpClient(), clock).RunAsync(options, CancellationToken.None);

        Assert.Equal(50, result.Sends);
        Assert.True(result.Intervals.Count >= 2, $"{result.Intervals.Count} intervals");
        Assert.True(result.LateSends > 0);
    }

    private static RunOptions Options(Scenario scenario, double rate, int maxInFlight) =>
        new(scenario, LoadModel.Open(rate), new Uri("http://127.0.0.1"), TimeSpan.FromSeconds(1), TimeSpan.Zero, TimeSpan.FromSeconds(5),
            [], false, maxInFlight, TimeSpan.FromMilliseconds(10));

    private sealed class FakeClock : ILoadClock
    {
        private long _ticks;

        public TimeSpan Elapsed => TimeSpan.FromTicks(Interlocked.Read(ref _ticks));

        public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);

        public long Timestamp(TimeSpan elapsed) => System.Diagnostics.Stopwatch.GetTimestamp();

        /// <summary>Short waits (the open model's pacing) pass at once; the interval reporter's waits last until the run ends.</summary>
        public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
        {
            if (delay >= TimeSpan.FromSeconds(5))
            {
                return Task.Delay(Timeout.Infinite, cancellationToken);
            }

            Advance(delay);
            return Task.CompletedTask;
        }
    }

    /// <summary>
    /// Waits advance the clock by what they asked for, except that the wait which crosses <c>at</c> ends <c>stall</c>
    /// later. A negative wait throws, as <see cref="Task.Delay(TimeSpan, CancellationToken)"/> does.
    /// </summary>
    private sealed class StallingClock(TimeSpan at, TimeSpan stall) : ILoadClock
    {
        private readonly Lock _lock = new();
        private TimeSpan _elapsed;

        public TimeSpan Elapsed
        {
            get
            {
                lock (_lock)
                {
                    return _elapsed;
                }
            }
        }

        public long Timestamp(TimeSpan elapsed) => System.Diagnostics.Stopwatch.GetTimestamp();

        public async Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            lock (_lock)
            {
                var crosses = _elapsed < at && _elapsed + delay >= at;
                _elapsed += delay + (crosses ? stall : TimeSpan.Zero);
            }
        }
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
