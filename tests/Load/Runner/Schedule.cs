using System.Diagnostics;

namespace LectureHub.Load.Runner;

public enum ModelKind
{
    Open,
    Closed,
}

/// <summary>
/// Open: arrivals at a rate (constant, or ramping linearly to <see cref="RampToRate"/> over the measured duration),
/// whatever the server does. Closed: <see cref="Users"/> virtual users looping, started evenly over <see cref="RampUp"/>.
/// </summary>
public sealed record LoadModel(ModelKind Kind, double Rate, double? RampToRate, int Users, TimeSpan RampUp)
{
    public static LoadModel Open(double rate, double? rampTo = null) => new(ModelKind.Open, rate, rampTo, 0, TimeSpan.Zero);

    public static LoadModel Closed(int users, TimeSpan rampUp = default) => new(ModelKind.Closed, 0, null, users, rampUp);

    public override string ToString() => Kind == ModelKind.Open
        ? RampToRate is { } to ? $"open, {Rate:0.##} → {to:0.##} req/s" : $"open, {Rate:0.##} iterations/s"
        : $"closed, {Users} users, ramp-up {RampUp.TotalSeconds:0.#} s";
}

/// <summary>When each open-model iteration is meant to start, and whether it falls in the measured part of the run.</summary>
public static class OpenSchedule
{
    /// <summary>Warm-up at the start rate, then the measured phase ramping from the start rate to the end rate.</summary>
    public static IEnumerable<(TimeSpan Offset, bool Measured)> Arrivals(double rate, double? rampTo, TimeSpan warmup, TimeSpan duration)
    {
        foreach (var offset in Phase(rate, rate, warmup))
        {
            yield return (offset, false);
        }

        foreach (var offset in Phase(rate, rampTo ?? rate, duration))
        {
            yield return (warmup + offset, true);
        }
    }

    /// <summary>
    /// Arrival n (0, 1, 2, …) of a phase whose rate moves linearly from r0 to r1 over d happens when the expected count
    /// N(t) = r0·t + (r1 − r0)·t² / (2d) reaches n.
    /// </summary>
    public static IEnumerable<TimeSpan> Phase(double r0, double r1, TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero || (r0 <= 0 && r1 <= 0))
        {
            yield break;
        }

        var d = duration.TotalSeconds;
        var a = (r1 - r0) / (2 * d);
        for (long n = 0; ; n++)
        {
            var t = Math.Abs(a) < 1e-12 ? n / r0 : (-r0 + Math.Sqrt((r0 * r0) + (4 * a * n))) / (2 * a);
            if (double.IsNaN(t) || t >= d)
            {
                yield break;
            }

            yield return TimeSpan.FromSeconds(t);
        }
    }
}

/// <summary>Time as the runner sees it; replaced in unit tests so schedules and lateness are checked without waiting.</summary>
public interface ILoadClock
{
    TimeSpan Elapsed { get; }

    long Timestamp(TimeSpan elapsed);

    /// <summary>Waits <paramref name="delay"/>, which must not be negative (as with <see cref="Task.Delay(TimeSpan)"/>).</summary>
    Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken);
}

public static class LoadClockExtensions
{
    /// <summary>
    /// Waits until <paramref name="elapsed"/> on this clock; returns at once if that moment has passed, as it does when
    /// a busy machine runs the caller late.
    /// </summary>
    public static Task DelayUntilAsync(this ILoadClock clock, TimeSpan elapsed, CancellationToken cancellationToken)
    {
        var wait = elapsed - clock.Elapsed;
        return wait > TimeSpan.Zero ? clock.DelayAsync(wait, cancellationToken) : Task.CompletedTask;
    }
}

public sealed class StopwatchClock : ILoadClock
{
    private readonly long _start = Stopwatch.GetTimestamp();

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_start);

    public long Timestamp(TimeSpan elapsed) => _start + (long)(elapsed.TotalSeconds * Stopwatch.Frequency);

    public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) => Task.Delay(delay, cancellationToken);
}
