using System.Collections.Frozen;
using System.Text.Json;
using LectureHub.Domain.Common;

namespace LectureHub.Infrastructure.Outbox;

/// <summary>Domain events to and from outbox rows. The type is stored by its simple name, which must be unique.</summary>
internal static class OutboxSerializer
{
    private static readonly FrozenDictionary<string, Type> EventTypes = typeof(IDomainEvent).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IDomainEvent).IsAssignableFrom(t))
        .ToFrozenDictionary(t => t.Name);

    public static OutboxMessage ToMessage(IDomainEvent domainEvent, DateTimeOffset now) => new()
    {
        Type = domainEvent.GetType().Name,
        Payload = JsonSerializer.Serialize(domainEvent, domainEvent.GetType()),
        OccurredAt = now,
        NextAttemptAt = now,
        // The request (or worker) that raised the event, so its delivery joins the same trace.
        TraceParent = System.Diagnostics.Activity.Current?.Id,
    };

    public static IDomainEvent FromMessage(string type, string payload) =>
        EventTypes.TryGetValue(type, out var clrType)
            ? (IDomainEvent)(JsonSerializer.Deserialize(payload, clrType) ?? throw new InvalidOperationException($"Outbox payload of {type} is null."))
            : throw new InvalidOperationException($"Unknown outbox event type '{type}'.");
}
