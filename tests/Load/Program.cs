using LectureHub.Load.DataGen;
using LectureHub.Load.Runner;
using LectureHub.Load.Scenarios;

if (args is ["--summarize", var reportsDirectory])
{
    Console.WriteLine(Summary.Summarise(reportsDirectory));
    return 0;
}

if (args is ["generate-catalog", .. var generateArgs])
{
    return await GenerateCommand.RunAsync(generateArgs);
}

CliOptions cli;
try
{
    cli = CliOptions.Parse(args);
}
catch (FormatException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(CliOptions.Usage);
    return 2;
}

if (cli.List)
{
    foreach (var s in ScenarioRegistry.All)
    {
        Console.WriteLine($"{s.Name,-14} {s.DefaultModel,-34} {s.Description}");
    }

    return 0;
}

if (ScenarioRegistry.Find(cli.Scenario!) is not { } scenario)
{
    Console.Error.WriteLine($"No scenario '{cli.Scenario}'. Known: {string.Join(", ", ScenarioRegistry.All.Select(s => s.Name))}");
    return 2;
}

var model = cli.Users is { } users ? LoadModel.Closed(users, cli.RampUp)
    : cli.Rate is { } rate ? LoadModel.Open(rate, cli.RampTo)
    : scenario.DefaultModel;
var options = new RunOptions(scenario, model, cli.Target, cli.Duration, cli.Warmup, cli.Interval, cli.Thresholds, cli.AbortOnThreshold, cli.MaxInFlight, cli.LateAfter,
    async cancellation =>
    {
        if (cli.StartAt is { } startAt)
        {
            await StartAtAsync(startAt, cancellation);
        }

        if (cli.ReadyFile is { } readyFile)
        {
            await File.WriteAllTextAsync(readyFile, DateTimeOffset.UtcNow.ToString("O"), cancellation);
        }
    });

using var http = LoadHttp.Create(cli.Target, cli.MaxConnections, cli.Timeout);
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

Console.Error.WriteLine($"{scenario.Name}: {model} against {cli.Target}, warm-up {cli.Warmup.TotalSeconds:0.#} s, measuring {cli.Duration.TotalSeconds:0.#} s");
var startedAt = DateTimeOffset.UtcNow;
var probe = ServerProbe.For(http, cli.Metrics, ServerProbe.ParsePids(Environment.GetEnvironmentVariable("LH_API_PID")));
var engine = new Engine(http, new StopwatchClock(), probe);
var result = await engine.RunAsync(options, stop.Token);
var environment = await RunEnvironment.CaptureAsync(http, cli.Target, result.GeneratorCpu, result.GeneratorWall);

var report = new RunReport(scenario.Name, scenario.Description, model.ToString(), "dotnet run -c Release --project tests/Load -- " + string.Join(' ', args),
    startedAt, cli.Warmup.TotalSeconds, result.Measured.TotalSeconds, result.Iterations, result.Sends, result.LateSends,
    cli.LateAfter.TotalMilliseconds, result.MaxLateness.TotalMilliseconds, result.Steps, result.Intervals, result.Thresholds,
    result.AbortReason, result.Passed, environment, result.Verification, result.Server, engine.ServerError);
var (markdown, json) = await Report.WriteAsync(report, cli.OutDirectory);
Console.WriteLine(Report.Markdown(report));
Console.Error.WriteLine($"reports: {markdown}, {json}");
return result.AbortReason is not null ? 3 : result.Passed ? 0 : 1;

// Side-by-side runs (scripts/bench.sh SIDE_BY_SIDE) start their warm-ups together whichever setup took longer.
static async Task StartAtAsync(DateTimeOffset at, CancellationToken cancellationToken)
{
    var wait = at - DateTimeOffset.UtcNow;
    if (wait > TimeSpan.Zero)
    {
        await Task.Delay(wait, cancellationToken);
    }
    else
    {
        Console.Error.WriteLine($"warning: the setup ended {-wait.TotalSeconds:0.0} s after --start-at; this run started late and does not measure the same window as its pair");
    }
}
