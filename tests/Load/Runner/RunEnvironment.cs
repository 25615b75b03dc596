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

    /// <summary>
    /// The API reports its build to Admins in /health/details; a load result from a Debug build is not a result. The
    /// runner signs in as LOAD_ADMIN_EMAIL / LOAD_ADMIN_PASSWORD, the demo Admin by default (scripts/bench.sh seeds it).
    /// </summary>
    private static async Task<string> ServerBuildAsync(HttpClient http)
    {
        try
        {
            using var login = await http.PostAsJsonAsync("/api/v1/auth/login", new
            {
                email = Environment.GetEnvironmentVariable("LOAD_ADMIN_EMAIL") ?? "admin@lecturehub.dev",
                password = Environment.GetEnvironmentVariable("LOAD_ADMIN_PASSWORD") ?? "Admin-pass-2026",
            });
            if (!login.IsSuccessStatusCode)
            {
                return $"unknown (admin sign-in answered {(int)login.StatusCode}; set LOAD_ADMIN_EMAIL and LOAD_ADMIN_PASSWORD)";
            }

            var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
            using var request = new HttpRequestMessage(HttpMethod.Get, "/health/details") { Headers = { Authorization = new("Bearer", token) } };
            using var details = await http.SendAsync(request);
            using var json = JsonDocument.Parse(await details.Content.ReadAsStringAsync());
            return json.RootElement.TryGetProperty("build", out var build)
                ? $"{build.GetProperty("configuration").GetString()} ({build.GetProperty("environment").GetString()}, {build.GetProperty("framework").GetString()})"
                : "unknown (no build info in /health/details)";
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException or KeyNotFoundException or InvalidOperationException)
        {
            return $"unknown ({ex.GetType().Name}: {ex.Message})";
        }
    }
}
