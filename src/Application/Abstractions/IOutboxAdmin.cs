namespace LectureHub.Application.Abstractions;

/// <summary>An outbox message that failed every retry and is parked until an operator retries it.</summary>
public sealed record DeadLetterDto(Guid Id, string Type, string Payload, int Attempts, string? LastError, DateTimeOffset OccurredAt);

/// <summary>The operator's view of the outbox: what gave up, and a way to try again.</summary>
public interface IOutboxAdmin
{
    Task<IReadOnlyList<DeadLetterDto>> ListDeadLettersAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Puts a dead letter back in line with a fresh retry schedule; false if no such dead letter exists.</summary>
    Task<bool> RetryAsync(Guid id, CancellationToken cancellationToken);
}
