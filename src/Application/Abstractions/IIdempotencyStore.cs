namespace LectureHub.Application.Abstractions;

public static class IdempotencyKey
{
    public const string Header = "Idempotency-Key";

    public const int MaxLength = 100;
}

/// <summary>A response kept for replay: status, content type and body bytes.</summary>
public sealed record StoredResponse(int StatusCode, string? ContentType, byte[] Body);

/// <summary>What a request carrying an idempotency key may do.</summary>
public abstract record IdempotencyClaim
{
    private IdempotencyClaim()
    {
    }

    /// <summary>First use (or an abandoned earlier one): run it, then complete or release.</summary>
    public sealed record Started : IdempotencyClaim;

    /// <summary>Done before with the same request: answer with what was answered then.</summary>
    public sealed record Completed(StoredResponse Response) : IdempotencyClaim;

    /// <summary>The key was used for a different request.</summary>
    public sealed record Mismatch : IdempotencyClaim;

    /// <summary>The same request is still running.</summary>
    public sealed record InFlight : IdempotencyClaim;
}

/// <summary>
/// Idempotency keys per user (the IETF Idempotency-Key header draft): shared by all API instances, so a retry that
/// lands on another instance is still recognised.
/// </summary>
public interface IIdempotencyStore
{
    Task<IdempotencyClaim> ClaimAsync(Guid userId, string key, byte[] requestHash, CancellationToken cancellationToken);

    /// <summary>Stores the finished answer to the request with this hash; later claims with the key get it back.</summary>
    Task CompleteAsync(Guid userId, string key, byte[] requestHash, StoredResponse response, CancellationToken cancellationToken);

    /// <summary>Forgets an unfinished claim (the request failed on the server), so the client may retry with the same key.</summary>
    Task ReleaseAsync(Guid userId, string key, CancellationToken cancellationToken);
}
