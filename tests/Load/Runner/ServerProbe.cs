using System.Globalization;

namespace LectureHub.Load.Runner;

/// <summary>The server's side of a run: CPU per request of the API process and of PostgreSQL, and the backlog gauges.</summary>
public sealed record ServerSide(
    long Requests,
    double ApiCpuMsPerRequest,
    double PostgresCpuMsPerRequest,
    IReadOnlyDictionary<string, double> GaugeMaxima,
    string? GaugeError = null);

/// <summary>
/// The server's CPU at the start and end of the measured window, and the backlog gauges at every interval. The API's
/// CPU comes from /proc when its process ids are known (<c>LH_API_PID</c>, which scripts/lib/env.sh exports, so a run
/// with OpenTelemetry off is measured the same way; comma-separated for several instances and workers, added up), else from its Prometheus endpoint (<c>--metrics</c>); PostgreSQL's
/// from /proc (every process named postgres: primary and standby, on this machine). Both are CPU milliseconds per
/// request, which compare across machines where req/s does not.
/// </summary>
public sealed class ServerProbe(HttpClient http, Uri? metrics, IReadOnlyList<int> apiPids)
{
    /// <summary>The gauges a report quotes the maximum of over the run.</summary>
    public static readonly string[] Gauges =
    [
        "lecturehub_outbox_oldest_pending_age_seconds", "lecturehub_outbox_pending", "lecturehub_webhooks_pending",
        "lecturehub_webhooks_oldest_pending_age_seconds", "lecturehub_watch_buffered_heartbeats", "lecturehub_watch_flush_lag_seconds",
        "lecturehub_postgres_replication_lag_seconds",
    ];

    private readonly Dictionary<string, double> _maxima = [];
    private (double Api, double Postgres)? _start;
    private string? _scrapeError;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scrape = await ScrapeAsync(cancellationToken);
        _start = (ApiCpuSeconds(scrape), PostgresCpuSeconds());
        Track(scrape);
    }

    /// <summary>A probe for what is known of the server, or null when neither its process nor its metrics are.</summary>
    public static ServerProbe? For(HttpClient http, Uri? metrics, IReadOnlyList<int> apiPids) =>
        metrics is null && apiPids.Count == 0 ? null : new ServerProbe(http, metrics, apiPids);

    /// <summary>LH_API_PID: "4211" or "4211,4230,4251"; none when unset.</summary>
    public static IReadOnlyList<int> ParsePids(string? text) =>
        string.IsNullOrWhiteSpace(text) ? []
        : [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(pid =>
            int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id
            : throw new FormatException($"LH_API_PID '{text}' is not a process id or a comma-separated list of them."))];

    public async Task TickAsync(CancellationToken cancellationToken) => Track(await ScrapeAsync(cancellationToken));

    public async Task<ServerSide?> FinishAsync(long requests, CancellationToken cancellationToken)
    {
        if (_start is not { } start || requests == 0)
        {
            return null;
        }

        var scrape = await ScrapeAsync(cancellationToken);
        Track(scrape);
        var api = ApiCpuSeconds(scrape) - start.Api;
        var postgres = PostgresCpuSeconds() - start.Postgres;
        return new ServerSide(requests, Math.Round(api * 1000 / requests, 4), Math.Round(postgres * 1000 / requests, 4), new Dictionary<string, double>(_maxima),
            metrics is null ? "no --metrics" : _scrapeError);
    }

    private void Track(IReadOnlyDictionary<string, double> scrape)
    {
        foreach (var gauge in Gauges)
        {
            if (scrape.TryGetValue(gauge, out var value))
            {
                _maxima[gauge] = Math.Max(_maxima.GetValueOrDefault(gauge, double.MinValue), value);
            }
        }
    }

    private double ApiCpuSeconds(IReadOnlyDictionary<string, double> scrape) =>
        apiPids.Count > 0 ? apiPids.Sum(pid => CpuSeconds(pid) ?? throw new InvalidOperationException($"The API process {pid} (LH_API_PID) is not running."))
        : scrape.GetValueOrDefault("process_cpu_time_seconds_total");

    /// <summary>Series by metric name, labels summed away (process CPU comes as user and system); none without --metrics.</summary>
    private async Task<IReadOnlyDictionary<string, double>> ScrapeAsync(CancellationToken cancellationToken)
    {
        if (metrics is null)
        {
            return new Dictionary<string, double>();
        }

        string text;
        try
        {
            text = await http.GetStringAsync(metrics, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            // An API with OpenTelemetry off serves no metrics; its CPU still comes from /proc.
            _scrapeError = $"{metrics} could not be read: {ex.Message}";
            return new Dictionary<string, double>();
        }

        var series = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var name = line[..line.IndexOfAny(['{', ' '])];
            if (double.TryParse(line[(line.LastIndexOf(' ') + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                series[name] = series.GetValueOrDefault(name) + value;
            }
        }

        return series;
    }

    /// <summary>
    /// CPU of every postgres process, in seconds, with that of their ended children: a backend that exits within the
    /// window (its client closed a connection) takes its time with it, except into its parent's cutime and cstime.
    /// </summary>
    private static double PostgresCpuSeconds() =>
        Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Where(d => char.IsAsciiDigit(d![0]))
            .Select(d => int.Parse(d!, CultureInfo.InvariantCulture)).Where(pid => Command(pid) == "postgres")
            .Sum(pid => CpuSeconds(pid, withEndedChildren: true) ?? 0);

    private static string? Command(int pid)
    {
        var stat = Stat(pid);
        return stat is null ? null : stat[(stat.IndexOf('(') + 1)..stat.LastIndexOf(')')];
    }

    /// <summary>
    /// utime + stime of a process in seconds (USER_HZ is 100 on Linux), and with <paramref name="withEndedChildren"/>
    /// the cutime + cstime of the children it has reaped; null when it has ended.
    /// </summary>
    private static double? CpuSeconds(int pid, bool withEndedChildren = false)
    {
        if (Stat(pid) is not { } stat)
        {
            return null;
        }

        // The fields after "pid (comm) ": state is field 3, utime 14, stime 15, cutime 16, cstime 17.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return fields.Skip(11).Take(withEndedChildren ? 4 : 2).Sum(field => double.Parse(field, CultureInfo.InvariantCulture)) / 100;
    }

    private static string? Stat(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            // The process ended between the listing and the read: its CPU is gone with it.
            return null;
        }
    }
}
