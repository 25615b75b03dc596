namespace LectureHub.Infrastructure.Idempotency;

public sealed class IdempotencyRow
{
    public Guid UserId { get; init; }

    public string Key { get; init; } = "";

    public byte[] RequestHash { get; init; } = [];

    public int? StatusCode { get; init; }

    public string? ContentType { get; init; }

    public byte[]? Body { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>An unfinished claim older than this was abandoned (its instance died) and may be taken over.</summary>
    public DateTimeOffset LockedUntil { get; init; }
}
