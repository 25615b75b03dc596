using System.Globalization;
using System.Text;
using System.Text.Json;

namespace LectureHub.Load.Runner;

public sealed record RunReport(
    string Scenario, string Description, string Model, string Command, DateTimeOffset StartedAt,
    double WarmupSeconds, double MeasuredSeconds, long Iterations,
    long Sends, long LateSends, double LateAfterMs, double MaxLatenessMs,
    IReadOnlyList<StepSummary> Steps, IReadOnlyList<IntervalSummary> Intervals, IReadOnlyList<ThresholdResult> Thresholds,
    string? AbortReason, bool Passed, RunEnvironment Environment, string? Verification = null, ServerSide? Server = null, string? ServerNote = null);

/// <summary>Markdown for people, JSON for tools; both carry the environment stamp.</summary>
public static class Report
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<(string Markdown, string Json)> WriteAsync(RunReport report, string directory)
    {
        Directory.CreateDirectory(directory);
        var stem = Path.Combine(directory, $"{report.StartedAt:yyyyMMdd-HHmmss}-{report.Scenario}");
        await File.WriteAllTextAsync(stem + ".md", Markdown(report));
        await File.WriteAllTextAsync(stem + ".json", JsonSerializer.Serialize(report, Json));
        return (stem + ".md", stem + ".json");
    }

    public static string Markdown(RunReport r)
    {
        var md = new StringBuilder();
        md.AppendLine(Inv($"# {r.Scenario}: {(r.Passed ? "PASSED" : "FAILED")}"));
        md.AppendLine();
        md.AppendLine(r.Description);
        md.AppendLine();
        md.AppendLine(Inv($"- command: `{r.Command}`"));
        md.AppendLine(Inv($"- model: {r.Model}; warm-up {r.WarmupSeconds:0.#} s, measured {r.MeasuredSeconds:0.#} s, {r.Iterations} iterations"));
        if (r.Sends > 0)
        {
            md.AppendLine(Inv($"- open-model sends: {r.Sends}, late (> {r.LateAfterMs:0} ms after intended): {r.LateSends} ({Percent(r.LateSends, r.Sends)}), worst lateness {r.MaxLatenessMs:0.0} ms"));
        }

        if (r.AbortReason is not null)
        {
            md.AppendLine(Inv($"- **aborted:** {r.AbortReason}"));
        }

        if (r.Verification is not null)
        {
            md.AppendLine(Inv($"- **end state:** {r.Verification}"));
        }

        var e = r.Environment;
        md.AppendLine(Inv($"- environment: {e.CpuModel}, {e.Cores} cores, {e.Os}, {e.Runtime}, GC {e.GcMode}"));
        md.AppendLine(Inv($"- target: {e.Target}, server build {e.ServerBuild}"));
        md.AppendLine(Inv($"- load generator CPU while sending (setup excluded): {e.GeneratorCpuPercent:0.#}% of the machine ({e.GeneratorCoresBusy:0.##} cores busy)"));
        if (r.Server is { } server)
        {
            md.AppendLine(Inv($"- **server CPU per request**: API {server.ApiCpuMsPerRequest:0.###} ms, PostgreSQL (primary and standby) {server.PostgresCpuMsPerRequest:0.###} ms, over {server.Requests} measured requests"));
            md.AppendLine("- server gauges, highest over the run: " + (server.GaugeMaxima.Count == 0 ? $"none read ({server.GaugeError})" : string.Join(", ",
                server.GaugeMaxima.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Inv($"{g.Key.Replace("lecturehub_", "", StringComparison.Ordinal)} {g.Value:0.##}")))));
        }
        else
        {
            md.AppendLine("- server side: " + (r.ServerNote ?? "not measured (neither --metrics nor LH_API_PID)"));
        }
        md.AppendLine();
        md.AppendLine("| step | requests | req/s | ok | failed | timeouts | p50 ms | p75 | p95 | p99 | p99.9 | max | status codes | KiB |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|");
        foreach (var s in r.Steps)
        {
            if (s.PendingReason is not null)
            {
                md.AppendLine(Inv($"| {s.Name} | pending: {s.PendingReason} | | | | | | | | | | | | |"));
                continue;
            }

            var l = s.LatencyMs;
            // Each answer's own p99 once a step has several (a 503 refused at once beside a slow 201, say).
            var codes = string.Join(" ", s.StatusCodes.Select(c => s.StatusCodes.Count > 1 && s.StatusP99Ms?.GetValueOrDefault(c.Key) is { } p99
                ? Inv($"{c.Key}×{c.Value} (p99 {p99:0.#})")
                : $"{c.Key}×{c.Value}"));
            md.AppendLine(Inv($"| {s.Name} | {s.Count} | {s.RequestsPerSecond:0.0} | {s.Ok} | {s.Failed} | {s.TimedOut} | {l.P50:0.00} | {l.P75:0.00} | {l.P95:0.00} | {l.P99:0.00} | {l.P999:0.00} | {l.Max:0.00} | {codes} | {s.Bytes / 1024.0:0} |"));
        }

        if (r.Thresholds.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("| threshold | step | actual | result |");
            md.AppendLine("|---|---|---:|---|");
            foreach (var t in r.Thresholds)
            {
                md.AppendLine(Inv($"| `{t.Threshold}` | {t.Step} | {(double.IsNaN(t.Actual) ? "not run" : t.Actual.ToString("0.##", CultureInfo.InvariantCulture))} | {(t.Passed ? "pass" : "**FAIL**")} |"));
            }
        }

        md.AppendLine();
        md.AppendLine("Per interval (req/s, p95 ms, failed):");
        md.AppendLine();
        var names = r.Steps.Where(s => s.PendingReason is null).Select(s => s.Name).ToList();
        md.AppendLine("| t (s) | " + string.Join(" | ", names) + " |");
        md.AppendLine("|---:|" + string.Concat(names.Select(_ => "---|")));
        foreach (var i in r.Intervals)
        {
            var cells = names.Select(n => i.Steps.TryGetValue(n, out var s) ? Inv($"{s.RequestsPerSecond:0.0} / {s.LatencyMs.P95:0.0} / {s.Failed}") : "–");
            md.AppendLine(Inv($"| {i.AtSeconds:0.#} | ") + string.Join(" | ", cells) + " |");
        }

        return md.ToString();
    }

    public static string IntervalLine(IntervalSummary interval) =>
        Inv($"[{interval.AtSeconds,6:0.0}s] ") + string.Join("  ", interval.Steps.Select(s =>
            Inv($"{s.Key}: {s.Value.RequestsPerSecond:0.0}/s p95 {s.Value.LatencyMs.P95:0.0} ms fail {s.Value.Failed}")));

    private static string Percent(long part, long whole) => whole == 0 ? "0%" : Inv($"{100.0 * part / whole:0.##}%");

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
