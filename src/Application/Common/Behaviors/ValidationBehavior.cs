using FluentValidation;
using Mediator;

namespace LectureHub.Application.Common.Behaviors;

/// <summary>
/// Rejects a message whose shape is wrong (400 with per-field errors): a command before its transaction starts, a
/// query (search parameters, cursors) before it reaches the database. Missing required fields are reported first
/// (<see cref="RequiredFields"/>), so no validator meets a null its message did not declare.
/// </summary>
public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var missing = RequiredFields.Missing(message).Select(name => new FluentValidation.Results.ValidationFailure(name, "Required.")).ToList();
        if (missing.Count > 0)
        {
            throw new ValidationException(missing);
        }

        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(message, cancellationToken);
            failures.AddRange(result.Errors);
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        return await next(message, cancellationToken);
    }
}
