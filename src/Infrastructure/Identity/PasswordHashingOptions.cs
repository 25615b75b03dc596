using System.ComponentModel.DataAnnotations;

namespace LectureHub.Infrastructure.Identity;

public sealed class PasswordHashingOptions
{
    public const string Section = "PasswordHashing";

    /// <summary>OWASP's minimum for Argon2id (m=19 MiB, t=2, p=1); anything below is refused outside Development.</summary>
    public const int ProductionMemoryKiB = 19_456;

    public const int ProductionPasses = 2;

    /// <summary>Argon2id memory per hash, in KiB. Hashes made with less are rehashed at the next login.</summary>
    [Range(64, 4 * 1024 * 1024)]
    public int MemoryKiB { get; set; } = ProductionMemoryKiB;

    /// <summary>Argon2id passes over that memory.</summary>
    [Range(1, 100)]
    public int Passes { get; set; } = ProductionPasses;

    /// <summary>
    /// Hashes that may run at once; 0 means half the cores (at least one), so a sign-up storm leaves the other half to
    /// every other request. Each holds <see cref="MemoryKiB"/> while it runs.
    /// </summary>
    [Range(0, 1024)]
    public int Concurrency { get; set; }

    /// <summary>Requests that may wait for a hashing slot; past them the answer is 503 BUSY at once.</summary>
    [Range(0, 10_000)]
    public int QueueLimit { get; set; } = 8;

    public int EffectiveConcurrency => Concurrency > 0 ? Concurrency : Math.Max(1, Environment.ProcessorCount / 2);

    public bool IsAllowed(bool development) => development || (MemoryKiB >= ProductionMemoryKiB && Passes >= ProductionPasses);
}
