using System.Diagnostics.Metrics;
using LectureHub.Application.Observability;
using LectureHub.UnitTests.Support;

namespace LectureHub.UnitTests.Application;

public sealed class CacheCountsTests
{
    [Fact]
    public void Lookups_and_fills_are_collected_per_cache_and_outcome_as_running_totals()
    {
        var metrics = TestMetrics.Create();
        var course = metrics.Cache("course:0195c2a1:v1".AsSpan(0, 6));
        course.Count(CacheOutcome.Hit);
        course.Count(CacheOutcome.Hit);
        course.Count(CacheOutcome.Miss);
        course.CountFill();
        metrics.Cache("categories").Count(CacheOutcome.Bypass);

        Assert.Same(course, metrics.Cache("course"));
        var first = Collect(metrics);
        Assert.Equal(2, first[("lecturehub.cache.requests", "course", "hit")]);
        Assert.Equal(1, first[("lecturehub.cache.requests", "course", "miss")]);
        Assert.Equal(0, first[("lecturehub.cache.requests", "course", "stale")]);
        Assert.Equal(1, first[("lecturehub.cache.requests", "categories", "bypass")]);
        Assert.Equal(1, first[("lecturehub.cache.fills", "course", null)]);
        Assert.Equal(0, first[("lecturehub.cache.fills", "categories", null)]);

        course.Count(CacheOutcome.Stale);
        Assert.Equal(1, Collect(metrics)[("lecturehub.cache.requests", "course", "stale")]); // observable counters report totals
        Assert.Equal(2, Collect(metrics)[("lecturehub.cache.requests", "course", "hit")]);
    }

    private static Dictionary<(string Instrument, string? Cache, string? Outcome), long> Collect(LectureHubMetrics metrics)
    {
        var seen = new Dictionary<(string, string?, string?), long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter == metrics.Meter && instrument.Name.StartsWith("lecturehub.cache.", StringComparison.Ordinal))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var labels = tags.ToArray().ToDictionary(tag => tag.Key, tag => (string?)tag.Value);
            seen[(instrument.Name, labels.GetValueOrDefault("cache"), labels.GetValueOrDefault("outcome"))] = value;
        });
        listener.Start();
        listener.RecordObservableInstruments();
        return seen;
    }
}
