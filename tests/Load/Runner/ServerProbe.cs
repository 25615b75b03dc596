using System.Globalization;

namespace LectureHub.Load.Runner;

/// <summary>The server's side of a run: CPU per request of the API process and of PostgreSQL, and the backlog gauges.</summary>
public sealed record ServerSide(
    long Requests,
    double ApiCpuMsPerRequest,
    double PostgresCpuMsPerRequest,
    IReadOnlyDictionary<string, double> GaugeMaxima);

/// <summary>
/// Reads the API's Prometheus endpoint (<c>--metrics</c>): its process CPU at the start and end of the measured
/// window, and the backlog gauges at every interval. PostgreSQL's CPU comes from /proc (every process named postgres:
/// primary and standby, on this machine), so both are CPU milliseconds per request, which compare across machines
/// where req/s does not.
/// </summary>
public sealed class ServerProbe(HttpClient http, Uri metrics)
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

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scrape = await ScrapeAsync(cancellationToken);
        _start = (ApiCpuSeconds(scrape), PostgresCpuSeconds());
        Track(scrape);
    }

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
        return new ServerSide(requests, Math.Round(api * 1000 / requests, 4), Math.Round(postgres * 1000 / requests, 4), new Dictionary<string, double>(_maxima));
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

    private static double ApiCpuSeconds(IReadOnlyDictionary<string, double> scrape) => scrape.GetValueOrDefault("process_cpu_time_seconds_total");

    /// <summary>Series by metric name, labels summed away (process CPU comes as user and system).</summary>
    private async Task<IReadOnlyDictionary<string, double>> ScrapeAsync(CancellationToken cancellationToken)
    {
        var text = await http.GetStringAsync(metrics, cancellationToken);
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

    /// <summary>utime + stime of every postgres process, in seconds (USER_HZ is 100 on Linux).</summary>
    private static double PostgresCpuSeconds()
    {
        double ticks = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc").Where(d => char.IsAsciiDigit(Path.GetFileName(d)[0])))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var close = stat.LastIndexOf(')');
                if (stat.AsSpan(stat.IndexOf('(') + 1, close - stat.IndexOf('(') - 1) is not "postgres")
                {
                    continue;
                }

                // Fields after "pid (comm) ": state is field 3, utime 14, stime 15.
                var fields = stat[(close + 2)..].Split(' ');
                ticks += double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // The process ended between the listing and the read: its CPU is gone with it.
            }
        }

        return ticks / 100;
    }
}
