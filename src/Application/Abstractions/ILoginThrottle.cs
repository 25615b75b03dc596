namespace LectureHub.Application.Abstractions;

/// <summary>What the throttle allows a sign-in attempt: refuse it for a while, or make it wait first.</summary>
public readonly record struct LoginGate(TimeSpan? RetryAfter, TimeSpan Delay)
{
    public static readonly LoginGate Open = new(null, TimeSpan.Zero);
}

/// <summary>
/// Counts failed sign-ins across all API instances, per account and source together (a client address, or a device
/// that has signed in to the account before), so guessing from one place locks only that place and never the owner
/// elsewhere. Past a ceiling of failures on the account from everywhere, attempts from unknown sources are slowed,
/// never refused (OWASP's authentication cheat sheet, "account lockout").
/// </summary>
public interface ILoginThrottle
{
    Task<LoginGate> CheckAsync(string normalizedEmail, string source, bool knownDevice, CancellationToken cancellationToken);

    Task RecordFailureAsync(string normalizedEmail, string source, CancellationToken cancellationToken);

    Task ResetAsync(string normalizedEmail, string source, CancellationToken cancellationToken);
}
