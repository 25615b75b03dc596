using System.Diagnostics;
using LectureHub.Application.Abstractions;
using Mediator;
using Microsoft.Extensions.Logging;

namespace LectureHub.Application.Common.Behaviors;

/// <summary>
/// First in the pipeline of commands and workflows: logs each one's name, outcome and duration. Queries, the hot
/// read path, are not logged.
/// </summary>
public sealed class LoggingBehavior<TMessage, TResponse>(ILogger<LoggingBehavior<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    private static readonly bool IsQuery = typeof(TMessage).IsAssignableTo(typeof(IBaseQuery));
    private static readonly string Kind = typeof(TMessage).IsAssignableTo(typeof(IWorkflow<TResponse>)) ? "Workflow" : "Command";

    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken) =>
        IsQuery ? next(message, cancellationToken) : LoggedAsync(message, next, cancellationToken);

    private async ValueTask<TResponse> LoggedAsync(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var name = typeof(TMessage).Name;
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next(message, cancellationToken);
            logger.LogInformation("{Kind} {Message} handled in {ElapsedMs:0.0} ms", Kind, name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (Exception ex)
        {
            // Refusals the caller can act on are routine; anything else is logged with its stack by the exception handler.
            var level = ex is FluentValidation.ValidationException or Exceptions.AppException or Domain.Common.DomainException
                ? LogLevel.Information
                : LogLevel.Warning;
            logger.Log(level, "{Kind} {Message} failed after {ElapsedMs:0.0} ms: {Error}", Kind, name, Stopwatch.GetElapsedTime(started).TotalMilliseconds, ex.GetType().Name);
            throw;
        }
    }
}
