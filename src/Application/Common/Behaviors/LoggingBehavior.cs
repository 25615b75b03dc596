using System.Diagnostics;
using Mediator;
using Microsoft.Extensions.Logging;

namespace LectureHub.Application.Common.Behaviors;

/// <summary>First in the command pipeline: logs each command's name, outcome and duration.</summary>
public sealed class LoggingBehavior<TMessage, TResponse>(ILogger<LoggingBehavior<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : ICommand<TResponse>
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var name = typeof(TMessage).Name;
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next(message, cancellationToken);
            logger.LogInformation("Command {Command} handled in {ElapsedMs:0.0} ms", name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (Exception ex)
        {
            // Refusals the caller can act on are routine; anything else is logged with its stack by the exception handler.
            var level = ex is FluentValidation.ValidationException or Exceptions.AppException or Domain.Common.DomainException
                ? LogLevel.Information
                : LogLevel.Warning;
            logger.Log(level, "Command {Command} failed after {ElapsedMs:0.0} ms: {Error}", name, Stopwatch.GetElapsedTime(started).TotalMilliseconds, ex.GetType().Name);
            throw;
        }
    }
}
