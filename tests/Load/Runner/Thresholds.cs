using System.Globalization;
using System.Text.RegularExpressions;

namespace LectureHub.Load.Runner;

/// <summary>
/// A pass/fail bound on a step's figures: <c>[step:]metric op value[unit]</c>, e.g. <c>p95&lt;200ms</c>,
/// <c>login:p99&lt;=1s</c>, <c>errors&lt;1%</c>, <c>rps&gt;100</c>. Without a step it applies to every measured step.
/// Metrics: p50 p75 p95 p99 p99.9 max mean (milliseconds), errors (percent), rps.
/// </summary>
public sealed partial record Threshold(string Text, string? Step, string Metric, string Operator, double Limit)
{
    public static Threshold Parse(string text)
    {
        var match = Pattern().Match(text.Replace(" ", "", StringComparison.Ordinal));
        if (!match.Success)
        {
            throw new FormatException($"Cannot read threshold '{text}'. Expected e.g. p95<200ms, login:p99<1s, errors<1%, rps>100.");
        }

        var metric = match.Groups["metric"].Value.ToLowerInvariant();
        var value = double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
        var unit = match.Groups["unit"].Value.ToLowerInvariant();
        var limit = (metric, unit) switch
        {
            ("errors", "%" or "") => value,
            ("errors", _) => throw new FormatException($"'{text}': errors are a percentage."),
            ("rps", "") => value,
            ("rps", _) => throw new FormatException($"'{text}': rps takes no unit."),
            (_, "s") => value * 1000,
            (_, "ms" or "") => value,
            _ => throw new FormatException($"'{text}': latency takes ms or s."),
        };
        return new Threshold(text, match.Groups["step"].Success ? match.Groups["step"].Value : null, metric, match.Groups["op"].Value, limit);
    }

    public double Measure(StepSummary step) => Metric switch
    {
        "p50" => step.LatencyMs.P50,
        "p75" => step.LatencyMs.P75,
        "p95" => step.LatencyMs.P95,
        "p99" => step.LatencyMs.P99,
        "p99.9" => step.LatencyMs.P999,
        "max" => step.LatencyMs.Max,
        "mean" => step.LatencyMs.Mean,
        "errors" => step.ErrorRate * 100,
        "rps" => step.RequestsPerSecond,
        _ => throw new InvalidOperationException(Metric),
    };

    public bool Holds(double actual) => Operator switch
    {
        "<" => actual < Limit,
        "<=" => actual <= Limit,
        ">" => actual > Limit,
        ">=" => actual >= Limit,
        _ => throw new InvalidOperationException(Operator),
    };

    /// <summary>Checks every step this threshold names; a named step that never ran fails.</summary>
    public IEnumerable<ThresholdResult> Evaluate(IReadOnlyList<StepSummary> steps)
    {
        var measured = steps.Where(s => s.PendingReason is null).ToList();
        if (Step is not null && measured.All(s => s.Name != Step))
        {
            yield return new ThresholdResult(Text, Step, double.NaN, false);
            yield break;
        }

        foreach (var step in measured.Where(s => Step is null || s.Name == Step))
        {
            var actual = Measure(step);
            yield return new ThresholdResult(Text, step.Name, actual, Holds(actual));
        }
    }

    [GeneratedRegex(@"^(?:(?<step>[A-Za-z0-9_.\-]+):)?(?<metric>p50|p75|p95|p99\.9|p99|max|mean|errors|rps)(?<op><=|>=|<|>)(?<value>[0-9]+(?:\.[0-9]+)?)(?<unit>ms|s|%)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}

public sealed record ThresholdResult(string Threshold, string Step, double Actual, bool Passed);
