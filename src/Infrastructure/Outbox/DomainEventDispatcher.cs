using LectureHub.Application.Abstractions;
using LectureHub.Domain.Common;
using Microsoft.Extensions.DependencyInjection;

namespace LectureHub.Infrastructure.Outbox;

internal static class DomainEventDispatcher
{
    private static readonly System.Reflection.MethodInfo DispatchTyped =
        typeof(DomainEventDispatcher).GetMethod(nameof(DispatchTypedAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;

    public static Task DispatchAsync(IServiceProvider services, IDomainEvent domainEvent, CancellationToken cancellationToken) =>
        (Task)DispatchTyped.MakeGenericMethod(domainEvent.GetType()).Invoke(null, [services, domainEvent, cancellationToken])!;

    private static async Task DispatchTypedAsync<TEvent>(IServiceProvider services, TEvent domainEvent, CancellationToken cancellationToken)
        where TEvent : IDomainEvent
    {
        foreach (var handler in services.GetServices<IDomainEventHandler<TEvent>>())
        {
            await handler.HandleAsync(domainEvent, cancellationToken);
        }
    }
}
