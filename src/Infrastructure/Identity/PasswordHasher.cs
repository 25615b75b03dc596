using System.Globalization;
using System.Security.Cryptography;
using System.Threading.RateLimiting;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Application.Observability;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using NSec.Cryptography;
using LegacyHasher = Microsoft.AspNetCore.Identity.PasswordHasher<LectureHub.Domain.Users.User>;

namespace LectureHub.Infrastructure.Identity;

/// <summary>
/// Argon2id through libsodium (NSec), stored in the PHC string format
/// (<c>$argon2id$v=19$m=19456,t=2,p=1$salt$hash</c>), so each hash carries its own parameters. Hashes from before
/// (ASP.NET Core Identity's PBKDF2 format) still verify, as SuccessRehashNeeded, and login stores an Argon2id hash
/// in their place. The bulkhead is a <see cref="ConcurrencyLimiter"/>: see <see cref="IPasswordHasher"/>.
/// </summary>
internal sealed class PasswordHasher : IPasswordHasher, IDisposable
{
    private const string Prefix = "$argon2id$v=19$";
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    /// <summary>A refused caller retries after about one queue's worth of hashes.</summary>
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);

    private static readonly LegacyHasher Legacy = new();

    private readonly PasswordHashingOptions _options;
    private readonly Argon2id _argon2;
    private readonly ConcurrencyLimiter _slots;
    private readonly LectureHubMetrics _metrics;

    public PasswordHasher(IOptions<PasswordHashingOptions> options, LectureHubMetrics metrics)
    {
        _metrics = metrics;
        _options = options.Value;
        _argon2 = Algorithm(_options.MemoryKiB, _options.Passes);
        _slots = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = _options.EffectiveConcurrency,
            QueueLimit = _options.QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        metrics.ObserveHashing(
            () => _options.EffectiveConcurrency - _slots.GetStatistics()!.CurrentAvailablePermits,
            () => _slots.GetStatistics()!.CurrentQueuedCount);
    }

    public async ValueTask<string> HashAsync(string password, CancellationToken cancellationToken)
    {
        using var slot = await SlotAsync(cancellationToken);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = await OffThePool(() => _argon2.DeriveBytes(password, salt, HashBytes));
        return string.Create(CultureInfo.InvariantCulture, $"{Prefix}m={_options.MemoryKiB},t={_options.Passes},p=1${Encode(salt)}${Encode(hash)}");
    }

    public async ValueTask<PasswordCheck> VerifyAsync(string hash, string password, CancellationToken cancellationToken)
    {
        using var slot = await SlotAsync(cancellationToken);
        return await OffThePool(() => Verify(hash, password));
    }

    public void ThrowIfBusy()
    {
        if (_slots.GetStatistics() is { CurrentAvailablePermits: 0 } stats && stats.CurrentQueuedCount >= _options.QueueLimit)
        {
            throw Busy();
        }
    }

    public void Dispose() => _slots.Dispose();

    /// <summary>
    /// A hash holds its core for tens of milliseconds. Run on the thread pool, a few of them leave the pool short of
    /// threads, and every other request waits for the pool to grow (measured: course reads at p99 5 s during a
    /// sign-up storm). A thread of its own per hash, at most <see cref="PasswordHashingOptions.EffectiveConcurrency"/> of them, keeps the pool free.
    /// </summary>
    private static Task<T> OffThePool<T>(Func<T> work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private PasswordCheck Verify(string hash, string password)
    {
        if (!hash.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return Legacy.VerifyHashedPassword(null!, hash, password) == PasswordVerificationResult.Failed ? PasswordCheck.Failed : PasswordCheck.SuccessRehashNeeded;
        }

        if (!TryParse(hash, out var memory, out var passes, out var salt, out var expected))
        {
            return PasswordCheck.Failed;
        }

        var actual = (memory, passes) == (_options.MemoryKiB, _options.Passes) ? _argon2.DeriveBytes(password, salt, expected.Length)
            : Algorithm(memory, passes).DeriveBytes(password, salt, expected.Length);
        if (!CryptographicOperations.FixedTimeEquals(actual, expected))
        {
            return PasswordCheck.Failed;
        }

        return memory < _options.MemoryKiB || passes < _options.Passes ? PasswordCheck.SuccessRehashNeeded : PasswordCheck.Success;
    }

    private async ValueTask<RateLimitLease> SlotAsync(CancellationToken cancellationToken)
    {
        // Throws OperationCanceledException if the caller leaves while queued, which frees its place.
        var lease = await _slots.AcquireAsync(1, cancellationToken);
        if (lease.IsAcquired)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                // A free slot is granted without looking at the token: a caller already gone is still not hashed.
                lease.Dispose();
                cancellationToken.ThrowIfCancellationRequested();
            }

            return lease;
        }

        lease.Dispose();
        throw Busy();
    }

    private ServiceUnavailableException Busy()
    {
        _metrics.HashingRefusals.Add(1);
        return new("BUSY", "Sign-in is busy right now. Retry after the time in Retry-After.", RetryAfter);
    }

    private static Argon2id Algorithm(long memoryKiB, long passes) =>
        PasswordBasedKeyDerivationAlgorithm.Argon2id(new Argon2Parameters { DegreeOfParallelism = 1, MemorySize = memoryKiB, NumberOfPasses = passes });

    private static bool TryParse(string hash, out int memory, out int passes, out byte[] salt, out byte[] expected)
    {
        (memory, passes, salt, expected) = (0, 0, [], []);
        var parts = hash[Prefix.Length..].Split('$');
        if (parts.Length != 3)
        {
            return false;
        }

        var settings = parts[0].Split(',').Select(p => p.Split('=')).Where(kv => kv.Length == 2).ToDictionary(kv => kv[0], kv => kv[1]);
        try
        {
            memory = int.Parse(settings["m"], CultureInfo.InvariantCulture);
            passes = int.Parse(settings["t"], CultureInfo.InvariantCulture);
            (salt, expected) = (Decode(parts[1]), Decode(parts[2]));
            return settings["p"] == "1" && salt.Length == SaltBytes && expected.Length >= 16;
        }
        catch (Exception ex) when (ex is FormatException or KeyNotFoundException or OverflowException)
        {
            return false;
        }
    }

    // PHC strings use standard base64 without padding.
    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=');

    private static byte[] Decode(string text) => Convert.FromBase64String(text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '='));
}
