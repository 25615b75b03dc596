using System.Globalization;
using System.Text.RegularExpressions;
using LectureHub.Infrastructure.Observability;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LectureHub.IntegrationTests.Support;

/// <summary>One scrape of an API's /metrics, in the Prometheus text format, by series.</summary>
public sealed partial class Metrics
{
    /// <summary>The metrics port of every test API (TestServer: no socket is opened).</summary>
    public const int Port = 59464;

    private readonly Dictionary<string, double> _series;

    private Metrics(Dictionary<string, double> series) => _series = series;

    public string Text { get; private init; } = "";

    public static async Task<Metrics> ScrapeAsync(ApiFactory factory, bool sample = true)
    {
        if (sample)
        {
            await factory.Service<StateSampler>().SampleAsync(CancellationToken.None);
        }

        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"http://127.0.0.1:{Port}") });
        var text = await client.GetStringAsync("/metrics");
        var series = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (Match m in Sample().Matches(text))
        {
            var labels = string.Join(",", Label().Matches(m.Groups["labels"].Value).Select(l => (l.Groups["k"].Value, l.Groups["v"].Value))
                .Where(l => l.Item1 != "otel_scope_name" && l.Item1 != "otel_scope_version").OrderBy(l => l.Item1, StringComparer.Ordinal)
                .Select(l => $"{l.Item1}={l.Item2}"));
            series[$"{m.Groups["name"].Value}{{{labels}}}"] = double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture);
        }

        return new Metrics(series) { Text = text };
    }

    /// <summary>A series' value (0 when it is not exported yet): <c>Value("lecturehub_orders_total", "outcome=paid")</c>.</summary>
    public double Value(string name, params string[] labels) =>
        _series.GetValueOrDefault($"{name}{{{string.Join(",", labels.OrderBy(l => l, StringComparer.Ordinal))}}}");

    /// <summary>How far a series moved since an earlier scrape of the same API.</summary>
    public double Since(Metrics before, string name, params string[] labels) => Value(name, labels) - before.Value(name, labels);

    /// <summary>The sum over every series of a metric whose labels include these.</summary>
    public double Sum(string name, params string[] labels) =>
        _series.Where(s => s.Key.StartsWith(name + "{", StringComparison.Ordinal)
                           && labels.All(l => s.Key[(name.Length + 1)..^1].Split(',').Contains(l)))
            .Sum(s => s.Value);

    /// <summary>Every series name exported (a histogram shows as its _bucket, _sum and _count).</summary>
    public IReadOnlySet<string> Names => _series.Keys.Select(k => k[..k.IndexOf('{', StringComparison.Ordinal)]).ToHashSet();

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>[^}]*)\})? (?<value>[^ \n]+)""", RegexOptions.Multiline)]
    private static partial Regex Sample();

    [GeneratedRegex("(?<k>[a-zA-Z_][a-zA-Z0-9_]*)=\"(?<v>[^\"]*)\"")]
    private static partial Regex Label();
}
