using LectureHub.Load.Runner;

namespace LectureHub.UnitTests.Load;

public sealed class ThresholdAndCliTests
{
    private static StepSummary Step(string name, double p95, long count = 100, long failed = 0, double rps = 50) =>
        new(name, count, count - failed, failed, 0, rps, 0, new Dictionary<string, long>(), new Latency(1, 1, 1, p95, p95, p95, p95), null);

    [Theory]
    [InlineData("p95<200ms", null, "p95", "<", 200)]
    [InlineData("login:p99<=1.5s", "login", "p99", "<=", 1500)]
    [InlineData("p99.9 < 2s", null, "p99.9", "<", 2000)]
    [InlineData("errors<1%", null, "errors", "<", 1)]
    [InlineData("me:rps>=100", "me", "rps", ">=", 100)]
    public void Thresholds_are_read_with_their_units(string text, string? step, string metric, string op, double limit)
    {
        var threshold = Threshold.Parse(text);

        Assert.Equal((step, metric, op, limit), (threshold.Step, threshold.Metric, threshold.Operator, threshold.Limit));
    }

    [Theory]
    [InlineData("p95")]
    [InlineData("p95<fast")]
    [InlineData("errors<1ms")]
    [InlineData("p42<1ms")]
    public void Unreadable_thresholds_are_rejected(string text) => Assert.Throws<FormatException>(() => Threshold.Parse(text));

    [Fact]
    public void A_threshold_without_a_step_must_hold_for_every_step()
    {
        var results = Threshold.Parse("p95<200ms").Evaluate([Step("login", p95: 150), Step("me", p95: 250)]).ToList();

        Assert.Equal([("login", true), ("me", false)], results.Select(r => (r.Step, r.Passed)));
        Assert.Equal(250, results[1].Actual);
    }

    [Fact]
    public void The_error_rate_is_compared_as_a_percentage()
    {
        Assert.True(Threshold.Parse("errors<1%").Evaluate([Step("s", 1, count: 1000, failed: 9)]).Single().Passed);
        Assert.False(Threshold.Parse("errors<1%").Evaluate([Step("s", 1, count: 1000, failed: 10)]).Single().Passed);
    }

    [Fact]
    public void A_threshold_on_a_step_that_never_ran_fails()
    {
        var result = Threshold.Parse("apply:p95<500ms").Evaluate([Step("login", 1), StepSummary.Pending("apply", "later")]).Single();

        Assert.False(result.Passed);
        Assert.True(double.IsNaN(result.Actual));
    }

    [Fact]
    public void The_command_line_reads_models_durations_and_thresholds()
    {
        var open = CliOptions.Parse(["--scenario", "auth", "--rate", "100..500", "--duration", "2m", "--warmup", "500ms", "--threshold", "p95<200ms", "--threshold", "errors<1%"]);
        var closed = CliOptions.Parse(["--scenario", "auth", "--users", "32", "--ramp-up", "10s"]);

        Assert.Equal((100.0, 500.0, TimeSpan.FromMinutes(2), TimeSpan.FromMilliseconds(500), 2), (open.Rate, open.RampTo, open.Duration, open.Warmup, open.Thresholds.Count));
        Assert.Equal((32, TimeSpan.FromSeconds(10)), (closed.Users, closed.RampUp));
    }

    [Fact]
    public void The_server_metrics_url_is_read_or_turned_off()
    {
        Assert.Equal(new Uri("http://127.0.0.1:59464/metrics"), CliOptions.Parse(["--scenario", "auth", "--metrics", "http://127.0.0.1:59464/metrics", "--rate", "5"]).Metrics);
        Assert.Null(CliOptions.Parse(["--scenario", "auth", "--metrics", "none"]).Metrics);
        Assert.Throws<FormatException>(() => CliOptions.Parse(["--scenario", "auth", "--metrics", "not a url"]));
    }

    [Fact]
    public void The_api_processes_are_one_pid_or_a_list_of_them()
    {
        Assert.Empty(ServerProbe.ParsePids(null));
        Assert.Equal([4211], ServerProbe.ParsePids("4211"));
        Assert.Equal([4211, 4230, 4251], ServerProbe.ParsePids("4211, 4230,4251"));
        Assert.Throws<FormatException>(() => ServerProbe.ParsePids("4211,api"));
        Assert.Throws<FormatException>(() => ServerProbe.ParsePids("-1"));
    }

    [Fact]
    public void The_start_time_is_a_unix_second()
    {
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000), CliOptions.Parse(["--scenario", "auth", "--start-at", "1800000000"]).StartAt);
        Assert.Null(CliOptions.Parse(["--scenario", "auth"]).StartAt);
        Assert.Throws<FormatException>(() => CliOptions.Parse(["--scenario", "auth", "--start-at", "2026-12-02T05:00:00Z"]));
        Assert.Throws<FormatException>(() => CliOptions.Parse(["--scenario", "auth", "--start-at", "-5"]));
    }

    [Theory]
    [InlineData("--scenario", "a", "--rate", "10", "--users", "5")]
    [InlineData("--rate", "10")]
    [InlineData("--scenario", "a", "--duration", "30")]
    [InlineData("--scenario", "a", "--rate", "-5")]
    [InlineData("--scenario", "a", "--bogus")]
    public void Contradictory_or_malformed_command_lines_are_refused(params string[] args) =>
        Assert.Throws<FormatException>(() => CliOptions.Parse(args));
}

public sealed class SummaryTests
{
    [Theory]
    [InlineData(new[] { 3.0, 1.0, 2.0 }, 2.0)]
    [InlineData(new[] { 4.0, 1.0, 3.0, 2.0 }, 2.5)]
    [InlineData(new[] { 7.0 }, 7.0)]
    public void The_median_is_the_middle_value_or_the_mean_of_the_two_middle_values(double[] values, double median) =>
        Assert.Equal(median, Summary.Median(values));
}
