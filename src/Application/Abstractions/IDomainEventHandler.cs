using LectureHub.Domain.Common;

namespace LectureHub.Application.Abstractions;

/// <summary>
/// Reacts to a domain event after its transaction committed, when the outbox relay delivers it.
/// Delivery is at least once, so handlers must be idempotent.
/// </summary>
public interface IDomainEventHandler<in TEvent>
    where TEvent : IDomainEvent
{
    Task HandleAsync(TEvent domainEvent, CancellationToken cancellationToken);
}
