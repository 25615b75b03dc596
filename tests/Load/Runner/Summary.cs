using System.Globalization;
using System.Text;
using System.Text.Json;

namespace LectureHub.Load.Runner;

/// <summary>
/// Medians over repeated runs (JSON reports in one directory), per scenario and step, with throughput as a ratio of
/// the ceiling scenario measured in the same session. Machines here are noisy: one run proves little, the median of
/// several says more, and the ratio to the ceiling carries across machines.
/// </summary>
public static class Summary
{
    public static string Summarise(string directory)
    {
        var reports = Directory.GetFiles(directory, "*.json")
            .Select(f => JsonSerializer.Deserialize<RunReport>(File.ReadAllText(f), JsonSerializerOptions.Web)!)
            .OrderBy(r => r.StartedAt)
            .ToList();
        var ceiling = reports.Where(r => r.Scenario == "ceiling").SelectMany(r => r.Steps).Select(s => s.RequestsPerSecond).ToList();
        var ceilingRps = ceiling.Count > 0 ? Median(ceiling) : double.NaN;

        var md = new StringBuilder();
        md.AppendLine(Inv($"{reports.Count} runs from {directory}; ceiling median {ceilingRps:0} req/s."));
        md.AppendLine();
        md.AppendLine("| scenario | model | step | runs | req/s (median) | × ceiling | p50 ms | p95 ms | p99 ms | errors % | late sends % |");
        md.AppendLine("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var group in reports.GroupBy(r => (r.Scenario, r.Model)))
        {
            var late = group.Where(r => r.Sends > 0).Select(r => 100.0 * r.LateSends / r.Sends).ToList();
            foreach (var step in group.SelectMany(r => r.Steps).Where(s => s.PendingReason is null).GroupBy(s => s.Name))
            {
                var rps = Median(step.Select(s => s.RequestsPerSecond));
                var p50 = Median(step.Select(s => s.LatencyMs.P50));
                var p95 = Median(step.Select(s => s.LatencyMs.P95));
                var p99 = Median(step.Select(s => s.LatencyMs.P99));
                var errors = Median(step.Select(s => s.ErrorRate * 100));
                var lateCell = late.Count > 0 ? Median(late).ToString("0.00", CultureInfo.InvariantCulture) : "–";
                md.AppendLine(Inv($"| {group.Key.Scenario} | {group.Key.Model} | {step.Key} | {step.Count()} | {rps:0.0} | {rps / ceilingRps:0.0000} | {p50:0.00} | {p95:0.00} | {p99:0.00} | {errors:0.00} | {lateCell} |"));
            }
        }

        var measured = reports.Where(r => r.Server is not null).GroupBy(r => (r.Scenario, r.Model)).ToList();
        if (measured.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("| scenario | model | runs | API CPU ms/request (median) | PostgreSQL CPU ms/request (median) |");
            md.AppendLine("|---|---|---:|---:|---:|");
            foreach (var group in measured)
            {
                md.AppendLine(Inv($"| {group.Key.Scenario} | {group.Key.Model} | {group.Count()} | {Median(group.Select(r => r.Server!.ApiCpuMsPerRequest)):0.###} | {Median(group.Select(r => r.Server!.PostgresCpuMsPerRequest)):0.###} |"));
            }
        }

        var environment = reports.LastOrDefault()?.Environment;
        if (environment is not null)
        {
            md.AppendLine();
            md.AppendLine(Inv($"Environment: {environment.CpuModel}, {environment.Cores} cores, {environment.Runtime}, GC {environment.GcMode}; server {environment.ServerBuild}."));
        }

        return md.ToString();
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
            : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
