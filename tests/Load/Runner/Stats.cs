using System.Collections.Concurrent;
using HdrHistogram;

namespace LectureHub.Load.Runner;

/// <summary>Latency and outcome counts for one step, over the whole run and over the current interval.</summary>
internal sealed class StepStats(string name)
{
    /// <summary>Microseconds, 3 significant digits, up to one hour.</summary>
    internal static LongHistogram NewHistogram() => new(TimeSpan.FromHours(1).Ticks / 10, 3);

    private readonly Lock _lock = new();
    private readonly LongHistogram _total = NewHistogram();
    private readonly LongHistogram _interval = NewHistogram();
    private readonly Dictionary<string, long> _statuses = [];
    private readonly Dictionary<string, LongHistogram> _byStatus = [];
    private long _intervalOk;
    private long _intervalFailed;

    public string Name { get; } = name;

    public long Ok { get; private set; }

    public long Failed { get; private set; }

    public long TimedOut { get; private set; }

    public long Bytes { get; private set; }

    public void Record(StepOutcome outcome, TimeSpan latency, long bytes)
    {
        var micros = Math.Max(1, latency.Ticks / 10);
        lock (_lock)
        {
            _total.RecordValue(micros);
            _interval.RecordValue(micros);
            Bytes += bytes;
            _statuses[outcome.Status] = _statuses.GetValueOrDefault(outcome.Status) + 1;
            if (!_byStatus.TryGetValue(outcome.Status, out var byStatus))
            {
                _byStatus[outcome.Status] = byStatus = NewHistogram();
            }

            byStatus.RecordValue(micros);
            if (outcome.IsOk)
            {
                Ok++;
                _intervalOk++;
            }
            else
            {
                Failed++;
                _intervalFailed++;
                if (outcome.Status == StepOutcome.TimedOut.Status)
                {
                    TimedOut++;
                }
            }
        }
    }

    public StepSummary Summarise(TimeSpan measured)
    {
        lock (_lock)
        {
            return new StepSummary(Name, Ok + Failed, Ok, Failed, TimedOut, (Ok + Failed) / measured.TotalSeconds, Bytes,
                new SortedDictionary<string, long>(_statuses, StringComparer.Ordinal), Latency.From(_total), null,
                new SortedDictionary<string, double>(_byStatus.ToDictionary(b => b.Key, b => Latency.From(b.Value).P99), StringComparer.Ordinal));
        }
    }

    public IntervalStep TakeInterval(TimeSpan length)
    {
        lock (_lock)
        {
            var snapshot = new IntervalStep(_intervalOk + _intervalFailed, (_intervalOk + _intervalFailed) / length.TotalSeconds,
                _intervalOk, _intervalFailed, Latency.From(_interval));
            _interval.Reset();
            _intervalOk = 0;
            _intervalFailed = 0;
            return snapshot;
        }
    }
}

/// <summary>Everything one run measures: per step, and the open model's send schedule.</summary>
internal sealed class StatsCollector
{
    private readonly ConcurrentDictionary<string, StepStats> _steps = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _pending = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();
    private long _sends;
    private long _lateSends;
    private long _maxLatenessTicks;

    public long Sends => Interlocked.Read(ref _sends);

    public long LateSends => Interlocked.Read(ref _lateSends);

    public TimeSpan MaxLateness => TimeSpan.FromTicks(Interlocked.Read(ref _maxLatenessTicks));

    public void Record(string step, StepOutcome outcome, TimeSpan latency, long bytes) =>
        _steps.GetOrAdd(step, Create).Record(outcome, latency, bytes);

    public void RecordPending(string step, string reason)
    {
        if (_pending.TryAdd(step, reason))
        {
            _order.Enqueue(step);
        }
    }

    /// <summary>An open-model send that left <paramref name="lateness"/> after its intended time.</summary>
    public void RecordSend(TimeSpan lateness, TimeSpan lateAfter)
    {
        Interlocked.Increment(ref _sends);
        if (lateness > lateAfter)
        {
            Interlocked.Increment(ref _lateSends);
        }

        var ticks = lateness.Ticks;
        long seen;
        while (ticks > (seen = Interlocked.Read(ref _maxLatenessTicks)) && Interlocked.CompareExchange(ref _maxLatenessTicks, ticks, seen) != seen)
        {
        }
    }

    public IReadOnlyList<StepSummary> Summarise(TimeSpan measured) =>
        _order.Distinct().Select(name => _steps.TryGetValue(name, out var stats)
                ? stats.Summarise(measured)
                : StepSummary.Pending(name, _pending[name]))
            .ToList();

    public IntervalSummary TakeInterval(TimeSpan at, TimeSpan length) =>
        new(at.TotalSeconds, _order.Distinct().Where(_steps.ContainsKey).ToDictionary(n => n, n => _steps[n].TakeInterval(length)));

    private StepStats Create(string name)
    {
        _order.Enqueue(name);
        return new StepStats(name);
    }
}

public sealed record Latency(double Mean, double P50, double P75, double P95, double P99, double P999, double Max)
{
    public static Latency From(HistogramBase histogram)
    {
        if (histogram.TotalCount == 0)
        {
            return new Latency(0, 0, 0, 0, 0, 0, 0);
        }

        static double Ms(long micros) => micros / 1000.0;
        return new Latency(histogram.GetMean() / 1000.0,
            Ms(histogram.GetValueAtPercentile(50)), Ms(histogram.GetValueAtPercentile(75)), Ms(histogram.GetValueAtPercentile(95)),
            Ms(histogram.GetValueAtPercentile(99)), Ms(histogram.GetValueAtPercentile(99.9)), Ms(histogram.GetMaxValue()));
    }
}

public sealed record StepSummary(
    string Name, long Count, long Ok, long Failed, long TimedOut, double RequestsPerSecond, long Bytes,
    IReadOnlyDictionary<string, long> StatusCodes, Latency LatencyMs, string? PendingReason,
    IReadOnlyDictionary<string, double>? StatusP99Ms = null)
{
    public double ErrorRate => Count == 0 ? 0 : (double)Failed / Count;

    public static StepSummary Pending(string name, string reason) =>
        new(name, 0, 0, 0, 0, 0, 0, new Dictionary<string, long>(), Latency.From(StepStats.NewHistogram()), reason);
}

public sealed record IntervalStep(long Count, double RequestsPerSecond, long Ok, long Failed, Latency LatencyMs);

public sealed record IntervalSummary(double AtSeconds, IReadOnlyDictionary<string, IntervalStep> Steps);
