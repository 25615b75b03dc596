namespace LectureHub.Application.Abstractions;

/// <summary>Counts failed logins per account across all API instances, to stop password guessing on one account.</summary>
public interface ILoginThrottle
{
    /// <summary>How long the account must wait, or null if it may try now.</summary>
    Task<TimeSpan?> RetryAfterAsync(string normalizedEmail, CancellationToken cancellationToken);

    Task RecordFailureAsync(string normalizedEmail, CancellationToken cancellationToken);

    Task ResetAsync(string normalizedEmail, CancellationToken cancellationToken);
}
