using System.ComponentModel.DataAnnotations;

namespace LectureHub.Infrastructure.Identity;

public sealed class PasswordHashingOptions
{
    public const string Section = "PasswordHashing";

    /// <summary>OWASP's minimum for PBKDF2-HMAC-SHA512; anything below is refused outside Development.</summary>
    public const int ProductionMinimum = 210_000;

    /// <summary>
    /// PBKDF2 iterations for new hashes. The test suite's load smoke sets 1,000 so that signing up its accounts does
    /// not queue on two busy cores; a hash made with fewer iterations than configured is rehashed at the next login.
    /// </summary>
    [Range(1_000, 10_000_000)]
    public int Iterations { get; set; } = ProductionMinimum;

    public bool IsAllowed(bool development) => development || Iterations >= ProductionMinimum;
}
