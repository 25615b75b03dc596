using LectureHub.Application.Abstractions;
using LectureHub.Domain.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using IdentityHasher = Microsoft.AspNetCore.Identity.PasswordHasher<LectureHub.Domain.Users.User>;

namespace LectureHub.Infrastructure.Identity;

/// <summary>
/// PBKDF2-HMAC-SHA512 through ASP.NET Core Identity's hasher (format v3: algorithm, iterations and salt are stored in
/// the hash), at <see cref="PasswordHashingOptions.Iterations"/>. Hashes with fewer iterations verify as
/// SuccessRehashNeeded, and login stores a fresh hash.
/// </summary>
internal sealed class PasswordHasher(IOptions<PasswordHashingOptions> options) : IPasswordHasher
{
    private readonly IdentityHasher _hasher = new(Options.Create(new PasswordHasherOptions
    {
        CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3,
        IterationCount = options.Value.Iterations,
    }));

    // The Identity hasher does not look at the user; a placeholder satisfies its signature.
    private static readonly User NoUser = null!;

    public string Hash(string password) => _hasher.HashPassword(NoUser, password);

    public PasswordCheck Verify(string hash, string password) => _hasher.VerifyHashedPassword(NoUser, hash, password) switch
    {
        PasswordVerificationResult.Success => PasswordCheck.Success,
        PasswordVerificationResult.SuccessRehashNeeded => PasswordCheck.SuccessRehashNeeded,
        _ => PasswordCheck.Failed,
    };
}
