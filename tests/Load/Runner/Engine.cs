using System.Collections.Concurrent;
using System.Diagnostics;

namespace LectureHub.Load.Runner;

public sealed record RunOptions(
    Scenario Scenario,
    LoadModel Model,
    Uri Target,
    TimeSpan Duration,
    TimeSpan Warmup,
    TimeSpan Interval,
    IReadOnlyList<Threshold> Thresholds,
    bool AbortOnThreshold,
    int MaxInFlight,
    TimeSpan LateAfter,
    Func<CancellationToken, Task>? Ready = null);

public sealed record RunResult(
    IReadOnlyList<StepSummary> Steps,
    IReadOnlyList<IntervalSummary> Intervals,
    long Iterations,
    long Sends,
    long LateSends,
    TimeSpan MaxLateness,
    TimeSpan Measured,
    IReadOnlyList<ThresholdResult> Thresholds,
    string? AbortReason,
    string? Verification = null,
    bool Verified = true,
    TimeSpan GeneratorCpu = default,
    TimeSpan GeneratorWall = default,
    ServerSide? Server = null)
{
    public bool Passed => AbortReason is null && Verified && Thresholds.All(t => t.Passed);
}

/// <summary>
/// Runs a scenario under an open or closed model, with warm-up, intervals and thresholds; with a probe, it reads the
/// server's metrics at the start of the measured window, at every interval and at the end.
/// </summary>
public sealed class Engine(HttpClient http, ILoadClock clock, ServerProbe? probe = null)
{
    private readonly StatsCollector _stats = new();
    private readonly List<IntervalSummary> _intervals = [];
    private readonly ConcurrentBag<VirtualUser> _idleUsers = [];
    private readonly Dictionary<string, object> _shared = [];
    private long _userIds;
    private long _iterations;
    private string? _abortReason;

    internal StatsCollector Stats => _stats;

    public async Task<RunResult> RunAsync(RunOptions options, CancellationToken cancellationToken)
    {
        if (options.Scenario.Setup is { } setup)
        {
            await setup(new SetupContext(http, _shared, cancellationToken));
        }

        if (options.Ready is { } ready)
        {
            await ready(cancellationToken);
        }

        using var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var cpuAtStart = RunEnvironment.ProcessCpu();
        var started = clock.Elapsed;
        var measuredFrom = started + options.Warmup;
        var reporter = ReportIntervalsAsync(options, measuredFrom, run);

        await (options.Model.Kind == ModelKind.Open
            ? RunOpenAsync(options, started, run.Token)
            : RunClosedAsync(options, started, run.Token));

        var measured = clock.Elapsed - measuredFrom;
        var (generatorCpu, generatorWall) = (RunEnvironment.ProcessCpu() - cpuAtStart, clock.Elapsed - started);
        await run.CancelAsync();
        await reporter;
        var rest = measured - (options.Interval * _intervals.Count);
        if (rest > TimeSpan.FromMilliseconds(100))
        {
            _intervals.Add(_stats.TakeInterval(measured, rest));
        }

        var steps = _stats.Summarise(measured > TimeSpan.Zero ? measured : TimeSpan.FromTicks(1));
        var server = await ProbeAsync(p => p.FinishAsync(steps.Where(s => s.PendingReason is null).Sum(s => s.Count), cancellationToken));
        var thresholds = options.Thresholds.SelectMany(t => t.Evaluate(steps)).ToList();
        var (verification, verified) = await VerifyAsync(options.Scenario, cancellationToken);
        return new RunResult(steps, _intervals, Interlocked.Read(ref _iterations), _stats.Sends, _stats.LateSends, _stats.MaxLateness,
            measured, thresholds, _abortReason, verification, verified, generatorCpu, generatorWall, server);
    }

    /// <summary>A failed scrape ends the server side of this report (said on stderr and in the report), not the run.</summary>
    private async Task<T?> ProbeAsync<T>(Func<ServerProbe, Task<T>> read)
    {
        if (probe is null || ServerError is not null)
        {
            return default;
        }

        try
        {
            return await read(probe);
        }
        catch (HttpRequestException ex)
        {
            ServerError = $"the server's metrics could not be read: {ex.Message}";
            Console.Error.WriteLine(ServerError);
            return default;
        }
    }

    /// <summary>Why the report has no server side although a probe was given.</summary>
    public string? ServerError { get; private set; }

    /// <summary>Checks the server's end state after the run, for scenarios that state one (e.g. exact seat counts).</summary>
    private async Task<(string? Text, bool Ok)> VerifyAsync(Scenario scenario, CancellationToken cancellationToken)
    {
        if (scenario.Verify is not { } verify)
        {
            return (null, true);
        }

        try
        {
            return (await verify(new SetupContext(http, _shared, cancellationToken)), true);
        }
        catch (InvalidOperationException ex)
        {
            return ("FAILED: " + ex.Message, false);
        }
    }

    /// <summary>
    /// Dispatches iterations at their intended times. If the generator falls behind (timer granularity, or all
    /// <see cref="RunOptions.MaxInFlight"/> slots busy because the server stalls), the send is late: it is counted, and
    /// its latency still runs from the intended time.
    /// </summary>
    internal async Task RunOpenAsync(RunOptions options, TimeSpan started, CancellationToken cancellationToken)
    {
        using var slots = new SemaphoreSlim(options.MaxInFlight);
        var inFlight = new ConcurrentDictionary<long, Task>();
        long sequence = 0;
        try
        {
            foreach (var (offset, measured) in OpenSchedule.Arrivals(options.Model.Rate, options.Model.RampToRate, options.Warmup, options.Duration))
            {
                var intended = started + offset;
                await clock.DelayUntilAsync(intended, cancellationToken);

                await slots.WaitAsync(cancellationToken);
                if (measured)
                {
                    _stats.RecordSend(clock.Elapsed - intended, options.LateAfter);
                }

                var id = sequence++;
                var user = _idleUsers.TryTake(out var idle) ? idle : new VirtualUser(Interlocked.Increment(ref _userIds));
                inFlight[id] = RunIterationAsync(options, user, clock.Timestamp(intended), measured, id, cancellationToken)
                    .ContinueWith(_ =>
                    {
                        _idleUsers.Add(user);
                        slots.Release();
                        inFlight.TryRemove(id, out Task? _);
                    }, TaskScheduler.Default);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Aborted by a threshold or Ctrl+C: stop sending, let what is in flight finish below.
        }

        await Task.WhenAll(inFlight.Values);
    }

    /// <summary>Each virtual user loops until the end; users start evenly spread over the ramp-up.</summary>
    internal async Task RunClosedAsync(RunOptions options, TimeSpan started, CancellationToken cancellationToken)
    {
        var end = started + options.Warmup + options.Duration;
        var measuredFrom = started + options.Warmup;
        long sequence = 0;
        var users = Enumerable.Range(0, options.Model.Users).Select(async index =>
        {
            var user = new VirtualUser(Interlocked.Increment(ref _userIds));
            var delay = options.Model.Users <= 1 ? TimeSpan.Zero : options.Model.RampUp * index / options.Model.Users;
            try
            {
                await clock.DelayAsync(delay, cancellationToken);
                while (!cancellationToken.IsCancellationRequested && clock.Elapsed < end)
                {
                    var now = clock.Elapsed;
                    await RunIterationAsync(options, user, clock.Timestamp(now), now >= measuredFrom, Interlocked.Increment(ref sequence), cancellationToken);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Aborted: this user stops.
            }
        });
        await Task.WhenAll(users);
    }

    private async Task RunIterationAsync(RunOptions options, VirtualUser user, long intendedTimestamp, bool measured, long sequence, CancellationToken cancellationToken)
    {
        await Task.Yield();
        var context = new IterationContext(user, http, _shared, _stats, intendedTimestamp, measured, sequence, cancellationToken);
        try
        {
            await options.Scenario.Iteration(context);
            if (measured)
            {
                Interlocked.Increment(ref _iterations);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The run ended while this iteration waited; it is not counted.
        }
    }

    private async Task ReportIntervalsAsync(RunOptions options, TimeSpan measuredFrom, CancellationTokenSource run)
    {
        try
        {
            await clock.DelayUntilAsync(measuredFrom, run.Token);
            await ProbeAsync(async p =>
            {
                await p.StartAsync(run.Token);
                return true;
            });
            for (var n = 1; ; n++)
            {
                // A tick that comes late (a busy machine) reports at once; its interval still covers its own bucket.
                await clock.DelayUntilAsync(measuredFrom + (options.Interval * n), run.Token);
                run.Token.ThrowIfCancellationRequested();
                var interval = _stats.TakeInterval(options.Interval * n, options.Interval);
                _intervals.Add(interval);
                Console.Error.WriteLine(Report.IntervalLine(interval));
                await ProbeAsync(async p =>
                {
                    await p.TickAsync(run.Token);
                    return true;
                });
                if (options.AbortOnThreshold && FirstBrokenThreshold(options, options.Interval * n) is { } broken)
                {
                    _abortReason = $"threshold '{broken.Threshold}' broken on {broken.Step} ({broken.Actual:0.##}) after {(options.Interval * n).TotalSeconds:0} s";
                    Console.Error.WriteLine("aborting: " + _abortReason);
                    await run.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (run.IsCancellationRequested)
        {
            // The run is over.
        }
    }

    /// <summary>Checked on the figures so far, once a step has enough samples for its percentiles to mean something.</summary>
    private ThresholdResult? FirstBrokenThreshold(RunOptions options, TimeSpan measuredSoFar)
    {
        const int MinSamples = 50;
        var steps = _stats.Summarise(measuredSoFar).Where(s => s.Count >= MinSamples).ToList();
        return options.Thresholds.Where(t => t.Metric != "rps").SelectMany(t => t.Evaluate(steps)).FirstOrDefault(r => !r.Passed && !double.IsNaN(r.Actual));
    }
}
