using Mediator;

namespace LectureHub.Application.Abstractions;

/// <summary>
/// The third kind of message, beside commands and queries: a use case that talks to something outside our database
/// (the payment gateway, Redis, a webhook's signature) and sends commands, each committing in its own transaction. It
/// has no transaction of its own, so a slow gateway call never holds a database transaction open, and whatever it
/// learned from outside is written by a command that can be retried on its own. Validated and logged like a command;
/// never wrapped in the unit of work (<c>UnitOfWorkBehavior</c> takes commands only). Named <c>…Workflow</c>.
/// </summary>
public interface IWorkflow<out TResponse> : IRequest<TResponse>;

public interface IWorkflowHandler<in TWorkflow, TResponse> : IRequestHandler<TWorkflow, TResponse>
    where TWorkflow : IWorkflow<TResponse>;
