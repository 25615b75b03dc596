using System.Diagnostics.Metrics;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Behaviors;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Application.Observability;
using LectureHub.UnitTests.Support;
using Mediator;
using Microsoft.Extensions.Logging;

namespace LectureHub.UnitTests.Application;

public sealed class TelemetryBehaviorTests
{
    public sealed record PayCommand : ICommand<int>;

    public sealed record PayWorkflow : IWorkflow<int>;

    public sealed record ListQuery : IQuery<int>;

    private readonly LectureHubMetrics _metrics = TestMetrics.Create();

    [Fact]
    public async Task Commands_and_workflows_are_logged_by_kind_and_queries_are_not()
    {
        var commands = new ListLogger<TelemetryBehavior<PayCommand, int>>();
        var workflows = new ListLogger<TelemetryBehavior<PayWorkflow, int>>();
        var queries = new ListLogger<TelemetryBehavior<ListQuery, int>>();

        Assert.Equal(1, await new TelemetryBehavior<PayCommand, int>(commands, _metrics).Handle(new PayCommand(), (_, _) => new(1), CancellationToken.None));
        Assert.Equal(2, await new TelemetryBehavior<PayWorkflow, int>(workflows, _metrics).Handle(new PayWorkflow(), (_, _) => new(2), CancellationToken.None));
        Assert.Equal(3, await new TelemetryBehavior<ListQuery, int>(queries, _metrics).Handle(new ListQuery(), (_, _) => new(3), CancellationToken.None));

        Assert.StartsWith("Command PayCommand handled in", Assert.Single(commands.Lines));
        Assert.StartsWith("Workflow PayWorkflow handled in", Assert.Single(workflows.Lines));
        Assert.Empty(queries.Lines);
    }

    [Fact]
    public async Task A_failure_is_logged_with_its_kind_and_rethrown()
    {
        var logger = new ListLogger<TelemetryBehavior<PayWorkflow, int>>();

        await Assert.ThrowsAsync<TimeoutException>(async () =>
            await new TelemetryBehavior<PayWorkflow, int>(logger, _metrics).Handle(new PayWorkflow(), (_, _) => throw new TimeoutException(), CancellationToken.None));

        Assert.Matches(@"^Workflow PayWorkflow failed after [\d.]+ ms: TimeoutException$", Assert.Single(logger.Lines));
        Assert.Equal(LogLevel.Warning, logger.Levels.Single());
    }

    [Fact]
    public async Task Each_command_is_counted_once_by_its_use_case_and_the_code_its_caller_received()
    {
        var counted = new List<(long Value, string Command, string Code)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument, _metrics.Commands))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var all = tags.ToArray().ToDictionary(t => t.Key, t => (string)t.Value!);
            counted.Add((value, all["command"], all["code"]));
        });
        listener.Start();
        var behavior = new TelemetryBehavior<PayCommand, int>(new ListLogger<TelemetryBehavior<PayCommand, int>>(), _metrics);

        await behavior.Handle(new PayCommand(), (_, _) => new(1), CancellationToken.None);
        await Assert.ThrowsAsync<ConflictException>(async () =>
            await behavior.Handle(new PayCommand(), (_, _) => throw new ConflictException("COHORT_FULL", "full"), CancellationToken.None));
        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await behavior.Handle(new PayCommand(), (_, _) => throw new InvalidOperationException("bug"), CancellationToken.None));

        Assert.Equal([(1L, "Pay", "OK"), (1L, "Pay", "COHORT_FULL"), (1L, "Pay", "ERROR")], counted);
    }

    private sealed class ListLogger<T> : ILogger<T>
    {
        public List<string> Lines { get; } = [];

        public List<LogLevel> Levels { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            Lines.Add(formatter(state, exception));
            Levels.Add(logLevel);
        }
    }
}
