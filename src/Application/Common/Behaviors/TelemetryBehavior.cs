using System.Diagnostics;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Observability;
using Mediator;
using Microsoft.Extensions.Logging;

namespace LectureHub.Application.Common.Behaviors;

/// <summary>
/// First in the pipeline of commands and workflows: a span of its own (the parent of the command's SQL and of the
/// outbox rows it writes), a log line with the outcome and duration, and <c>lecturehub.commands</c> counted once the
/// unit of work has committed or failed. Queries, the hot read path, pass straight through.
/// </summary>
public sealed class TelemetryBehavior<TMessage, TResponse>(ILogger<TelemetryBehavior<TMessage, TResponse>> logger, LectureHubMetrics metrics)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    private static readonly bool IsQuery = typeof(TMessage).IsAssignableTo(typeof(IBaseQuery));
    private static readonly string Kind = typeof(TMessage).IsAssignableTo(typeof(IWorkflow<TResponse>)) ? "Workflow" : "Command";
    private static readonly string Name = typeof(TMessage).Name;
    private static readonly KeyValuePair<string, object?> CommandTag = new("command", UseCase(Name));

    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken) =>
        IsQuery ? next(message, cancellationToken) : ObservedAsync(message, next, cancellationToken);

    private async ValueTask<TResponse> ObservedAsync(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        using var activity = LectureHubMetrics.Activities.StartActivity(Name);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next(message, cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started);
            Count("OK", elapsed);
            logger.LogInformation("{Kind} {Message} handled in {ElapsedMs:0.0} ms", Kind, Name, elapsed.TotalMilliseconds);
            return response;
        }
        catch (Exception ex)
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            var code = ErrorCode(ex);
            Count(code, elapsed);
            activity?.SetStatus(code == "ERROR" ? ActivityStatusCode.Error : ActivityStatusCode.Unset, code);
            activity?.SetTag("lecturehub.code", code);

            // Refusals the caller can act on are routine; anything else is logged with its stack by the exception handler.
            var level = code == "ERROR" ? LogLevel.Warning : LogLevel.Information;
            logger.Log(level, "{Kind} {Message} failed after {ElapsedMs:0.0} ms: {Error}", Kind, Name, elapsed.TotalMilliseconds, code == "ERROR" ? ex.GetType().Name : code);
            throw;
        }
    }

    private void Count(string code, TimeSpan elapsed)
    {
        metrics.Commands.Add(1, CommandTag, new KeyValuePair<string, object?>("code", code));
        metrics.CommandDuration.Record(elapsed.TotalSeconds, CommandTag);
    }

    /// <summary>The code the caller receives for a refusal it can act on; ERROR for everything else (a 500, a cancellation).</summary>
    private static string ErrorCode(Exception ex) => ex switch
    {
        FluentValidation.ValidationException => "VALIDATION_FAILED",
        Exceptions.AppException app => app.Code,
        Domain.Common.DomainException domain => domain.Code,
        _ => "ERROR",
    };

    /// <summary>PlaceOrderCommand → PlaceOrder: the use case, as its file is named.</summary>
    private static string UseCase(string name) =>
        name.EndsWith("Command", StringComparison.Ordinal) ? name[..^"Command".Length]
        : name.EndsWith("Workflow", StringComparison.Ordinal) ? name[..^"Workflow".Length]
        : name;
}
