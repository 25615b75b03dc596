using System.Globalization;

namespace LectureHub.Load.Runner;

/// <summary>The command line: <c>--scenario auth --rate 500 --duration 30s --target http://127.0.0.1:5080</c>.</summary>
public sealed record CliOptions
{
    public const string Usage = """
        usage: dotnet run -c Release --project tests/Load -- --scenario <name> [options]
               dotnet run -c Release --project tests/Load -- --list
               dotnet run -c Release --project tests/Load -- --summarize <report dir>   (medians over repeated runs)

          --scenario <name>        scenario to run (see --list)
          --target <url>           API base URL                                   (default http://127.0.0.1:5080)
          --rate <n> | <a>..<b>    open model: iterations/s, constant or ramping a→b over the duration
          --users <n>              closed model: n virtual users looping
          --ramp-up <t>            closed model: start users evenly over t        (default 0s)
          --duration <t>           measured time                                  (default 30s)
          --warmup <t>             unmeasured time before it                      (default 5s)
          --interval <t>           time-series bucket                             (default 5s)
          --threshold <rule>       e.g. p95<200ms, login:p99<1s, errors<1%, rps>100; repeatable; sets the exit code
          --abort-on-threshold     stop early once a latency/error threshold is broken (checked each interval)
          --max-connections <n>    HTTP connections to the target                 (default 256)
          --max-in-flight <n>      open model: concurrent iterations before sends queue (late)   (default 10000)
          --timeout <t>            per-request timeout, counted as 'timeout'      (default 10s)
          --late-after <t>         open model: a send this far behind schedule is late   (default 10ms)
          --out <dir>              report directory                               (default .data/load-reports)
          --metrics <url>|none     the API's Prometheus endpoint, for server CPU per request and gauges
                                   (default $LH_METRICS_URL/metrics when set, else none)
          --start-at <unix s>      after the setup, wait for this wall-clock second before the warm-up, so that
                                   runs started side by side measure the same window (scripts/bench.sh SIDE_BY_SIDE)
          --ready-file <path>      written when the setup is done and the load begins (scripts/chaos.sh injects its
                                   faults after it)
        durations: 500ms, 30s, 2m. exit code: 0 passed, 1 a threshold failed, 2 bad usage, 3 aborted by a threshold.
        """;

    public string? Scenario { get; init; }

    public bool List { get; init; }

    public Uri Target { get; init; } = new("http://127.0.0.1:5080");

    public double? Rate { get; init; }

    public double? RampTo { get; init; }

    public int? Users { get; init; }

    public TimeSpan RampUp { get; init; } = TimeSpan.Zero;

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(5);

    public IReadOnlyList<Threshold> Thresholds { get; init; } = [];

    public bool AbortOnThreshold { get; init; }

    public int MaxConnections { get; init; } = 256;

    public int MaxInFlight { get; init; } = 10_000;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan LateAfter { get; init; } = TimeSpan.FromMilliseconds(10);

    public string OutDirectory { get; init; } = Path.Combine(".data", "load-reports");

    /// <summary>When the warm-up starts, at the earliest (the setup comes before it).</summary>
    public DateTimeOffset? StartAt { get; init; }

    /// <summary>A file written when the load begins, for a script that acts during the run.</summary>
    public string? ReadyFile { get; init; }

    public Uri? Metrics { get; init; } = Environment.GetEnvironmentVariable("LH_METRICS_URL") is { Length: > 0 } url ? new Uri(url.TrimEnd('/') + "/metrics") : null;

    private static Uri? ParseMetrics(string text) =>
        text == "none" ? null
        : Uri.TryCreate(text, UriKind.Absolute, out var url) ? url
        : throw new FormatException("--metrics must be an absolute URL (http://127.0.0.1:59464/metrics) or none.");

    public static CliOptions Parse(IReadOnlyList<string> args)
    {
        var options = new CliOptions();
        var thresholds = new List<Threshold>();
        for (var i = 0; i < args.Count; i++)
        {
            var flag = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new FormatException($"{flag} needs a value.");
            options = flag switch
            {
                "--scenario" => options with { Scenario = Value() },
                "--list" => options with { List = true },
                "--target" => options with { Target = Uri.TryCreate(Value(), UriKind.Absolute, out var uri) ? uri : throw new FormatException($"--target must be an absolute URL.") },
                "--rate" => ParseRate(options, Value()),
                "--users" => options with { Users = PositiveInt(flag, Value()) },
                "--ramp-up" => options with { RampUp = ParseDuration(Value()) },
                "--duration" => options with { Duration = Positive(flag, ParseDuration(Value())) },
                "--warmup" => options with { Warmup = ParseDuration(Value()) },
                "--interval" => options with { Interval = Positive(flag, ParseDuration(Value())) },
                "--threshold" => Add(options, thresholds, Threshold.Parse(Value())),
                "--abort-on-threshold" => options with { AbortOnThreshold = true },
                "--max-connections" => options with { MaxConnections = PositiveInt(flag, Value()) },
                "--max-in-flight" => options with { MaxInFlight = PositiveInt(flag, Value()) },
                "--timeout" => options with { Timeout = Positive(flag, ParseDuration(Value())) },
                "--late-after" => options with { LateAfter = ParseDuration(Value()) },
                "--out" => options with { OutDirectory = Value() },
                "--metrics" => options with { Metrics = ParseMetrics(Value()) },
                "--ready-file" => options with { ReadyFile = Value() },
                "--start-at" => options with { StartAt = long.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var at) && at > 0
                    ? DateTimeOffset.FromUnixTimeSeconds(at) : throw new FormatException("--start-at must be a Unix time in seconds, as date +%s prints it.") },
                _ => throw new FormatException($"Unknown option '{flag}'."),
            };
        }

        if (options is { Rate: not null, Users: not null })
        {
            throw new FormatException("Choose one model: --rate (open) or --users (closed).");
        }

        if (!options.List && options.Scenario is null)
        {
            throw new FormatException("--scenario is required (or --list).");
        }

        return options with { Thresholds = thresholds };
    }

    /// <summary>"500ms", "30s", "2m", "1.5s".</summary>
    public static TimeSpan ParseDuration(string text)
    {
        var (number, unit) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 0.001)
            : text.EndsWith('s') ? (text[..^1], 1.0)
            : text.EndsWith('m') ? (text[..^1], 60.0)
            : throw new FormatException($"Duration '{text}' needs a unit: ms, s or m.");
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? TimeSpan.FromSeconds(value * unit)
            : throw new FormatException($"Cannot read duration '{text}'.");
    }

    private static CliOptions ParseRate(CliOptions options, string text)
    {
        var parts = text.Split("..");
        var rates = parts.Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var r) && r > 0
            ? r
            : throw new FormatException($"--rate '{text}': expected a positive number or a range like 100..500.")).ToArray();
        return rates.Length switch
        {
            1 => options with { Rate = rates[0] },
            2 => options with { Rate = rates[0], RampTo = rates[1] },
            _ => throw new FormatException($"--rate '{text}': expected n or a..b."),
        };
    }

    private static CliOptions Add(CliOptions options, List<Threshold> thresholds, Threshold threshold)
    {
        thresholds.Add(threshold);
        return options;
    }

    private static int PositiveInt(string flag, string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new FormatException($"{flag} must be a positive whole number.");

    private static TimeSpan Positive(string flag, TimeSpan value) =>
        value > TimeSpan.Zero ? value : throw new FormatException($"{flag} must be longer than zero.");
}
