namespace LectureHub.Application.Observability;

/// <summary>What a read-model cache lookup came to.</summary>
public enum CacheOutcome
{
    Hit,
    Stale,
    Miss,
    Bypass,
}

/// <summary>
/// One read-model cache's lookups and fills, kept with <see cref="Interlocked"/> and read by the observable counters
/// <c>lecturehub.cache.requests</c> and <c>lecturehub.cache.fills</c> when metrics are collected: an in-process hit,
/// the hottest path there is, pays one increment instead of a measurement through the SDK (docs/benchmarks.md).
/// </summary>
public sealed class CacheCounts
{
    /// <summary>The outcome labels, in <see cref="CacheOutcome"/> order.</summary>
    internal static readonly string[] OutcomeLabels = [.. Enum.GetNames<CacheOutcome>().Select(name => name.ToLowerInvariant())];

    private readonly long[] _requests = new long[OutcomeLabels.Length];
    private long _fills;

    public void Count(CacheOutcome outcome) => Interlocked.Increment(ref _requests[(int)outcome]);

    public void CountFill() => Interlocked.Increment(ref _fills);

    internal long Requests(CacheOutcome outcome) => Volatile.Read(ref _requests[(int)outcome]);

    internal long Fills => Volatile.Read(ref _fills);
}
