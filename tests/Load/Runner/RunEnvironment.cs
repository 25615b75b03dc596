using System.Diagnostics;
using System.Net.Http.Json;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace LectureHub.Load.Runner;

/// <summary>Where and how the figures were produced, so two reports can be compared honestly.</summary>
public sealed record RunEnvironment(
    string Machine, string CpuModel, int Cores, string Os, string Runtime, string GcMode,
    string Target, string ServerBuild, double GeneratorCpuPercent, double GeneratorCoresBusy)
{
    public static async Task<RunEnvironment> CaptureAsync(HttpClient http, Uri target, TimeSpan cpu, TimeSpan wall)
    {
        var cores = Environment.ProcessorCount;
        var busy = wall > TimeSpan.Zero ? cpu / wall : 0;
        return new RunEnvironment(
            Environment.MachineName, ReadCpuModel(), cores, RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription,
            $"{(GCSettings.IsServerGC ? "Server" : "Workstation")}, {GCSettings.LatencyMode}",
            target.ToString(), await ServerBuildAsync(http), Math.Round(busy / cores * 100, 1), Math.Round(busy, 2));
    }

    public static TimeSpan ProcessCpu() => Process.GetCurrentProcess().TotalProcessorTime;

    private static string ReadCpuModel()
    {
        const string cpuInfo = "/proc/cpuinfo";
        return File.Exists(cpuInfo)
            ? File.ReadLines(cpuInfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown"
            : RuntimeInformation.ProcessArchitecture.ToString();
    }

    /// <summary>The API reports its build in /health/ready; a load result from a Debug build is not a result.</summary>
    private static async Task<string> ServerBuildAsync(HttpClient http)
    {
        try
        {
            using var ready = await http.GetAsync("/health/ready");
            using var json = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
            return json.RootElement.TryGetProperty("build", out var build)
                ? $"{build.GetProperty("configuration").GetString()} ({build.GetProperty("environment").GetString()}, {build.GetProperty("framework").GetString()})"
                : "unknown (no build info in /health/ready)";
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException or KeyNotFoundException)
        {
            return $"unknown ({ex.GetType().Name}: {ex.Message})";
        }
    }
}
