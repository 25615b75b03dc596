using LectureHub.Application.Abstractions;
using Mediator;

namespace LectureHub.Application.Common.Behaviors;

/// <summary>Last in the command pipeline: the handler runs inside the unit of work's single transaction.</summary>
public sealed class UnitOfWorkBehavior<TMessage, TResponse>(IUnitOfWork unitOfWork)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : ICommand<TResponse>
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken) =>
        new(unitOfWork.ExecuteAsync(ct => next(message, ct), cancellationToken));
}
