namespace LectureHub.Infrastructure.Outbox;

/// <summary>A domain event saved in the transaction that raised it, delivered after commit by the relay.</summary>
public sealed class OutboxMessage
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string Type { get; init; }

    public required string Payload { get; init; }

    public DateTimeOffset OccurredAt { get; init; }

    public DateTimeOffset NextAttemptAt { get; init; }

    public int Attempts { get; init; }

    public string? LastError { get; init; }

    public DateTimeOffset? ProcessedAt { get; init; }

    /// <summary>The W3C traceparent of the span that raised the event; its delivery is a child span of it.</summary>
    public string? TraceParent { get; init; }
}
