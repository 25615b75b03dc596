namespace LectureHub.Application.Abstractions;

public enum PasswordCheck
{
    Failed,
    Success,

    /// <summary>Correct, but hashed with an older algorithm or weaker parameters than today's: store a fresh hash.</summary>
    SuccessRehashNeeded,
}

/// <summary>
/// Password hashing behind a bulkhead: a hash is the costliest thing a request can ask for, so only as many run at
/// once as the server allows, a few wait, and the rest are refused at once with 503 BUSY (Retry-After). A caller
/// that goes away while waiting is dropped from the queue, never hashed.
/// </summary>
public interface IPasswordHasher
{
    ValueTask<string> HashAsync(string password, CancellationToken cancellationToken);

    ValueTask<PasswordCheck> VerifyAsync(string hash, string password, CancellationToken cancellationToken);

    /// <summary>Refuses with 503 BUSY at once when every slot and queue place is taken, before any other work (the endpoints' admission filter).</summary>
    void ThrowIfBusy();
}
