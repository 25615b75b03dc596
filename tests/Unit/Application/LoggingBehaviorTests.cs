using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Behaviors;
using Mediator;
using Microsoft.Extensions.Logging;

namespace LectureHub.UnitTests.Application;

public sealed class LoggingBehaviorTests
{
    public sealed record PayCommand : ICommand<int>;

    public sealed record PayWorkflow : IWorkflow<int>;

    public sealed record ListQuery : IQuery<int>;

    [Fact]
    public async Task Commands_and_workflows_are_logged_by_kind_and_queries_are_not()
    {
        var commands = new ListLogger<LoggingBehavior<PayCommand, int>>();
        var workflows = new ListLogger<LoggingBehavior<PayWorkflow, int>>();
        var queries = new ListLogger<LoggingBehavior<ListQuery, int>>();

        Assert.Equal(1, await new LoggingBehavior<PayCommand, int>(commands).Handle(new PayCommand(), (_, _) => new(1), CancellationToken.None));
        Assert.Equal(2, await new LoggingBehavior<PayWorkflow, int>(workflows).Handle(new PayWorkflow(), (_, _) => new(2), CancellationToken.None));
        Assert.Equal(3, await new LoggingBehavior<ListQuery, int>(queries).Handle(new ListQuery(), (_, _) => new(3), CancellationToken.None));

        Assert.StartsWith("Command PayCommand handled in", Assert.Single(commands.Lines));
        Assert.StartsWith("Workflow PayWorkflow handled in", Assert.Single(workflows.Lines));
        Assert.Empty(queries.Lines);
    }

    [Fact]
    public async Task A_failure_is_logged_with_its_kind_and_rethrown()
    {
        var logger = new ListLogger<LoggingBehavior<PayWorkflow, int>>();

        await Assert.ThrowsAsync<TimeoutException>(async () =>
            await new LoggingBehavior<PayWorkflow, int>(logger).Handle(new PayWorkflow(), (_, _) => throw new TimeoutException(), CancellationToken.None));

        Assert.Matches(@"^Workflow PayWorkflow failed after [\d.]+ ms: TimeoutException$", Assert.Single(logger.Lines));
        Assert.Equal(LogLevel.Warning, logger.Levels.Single());
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
