using Ardalis.Specification;
using LectureHub.Domain.Users;

namespace LectureHub.Application.Users;

public sealed class UserByEmailSpec : SingleResultSpecification<User>
{
    public UserByEmailSpec(string email) => Query.Where(u => u.NormalizedEmail == User.Normalize(email));
}

public sealed class RefreshTokenByHashSpec : SingleResultSpecification<RefreshToken>
{
    public RefreshTokenByHashSpec(string tokenHash) => Query.Where(t => t.TokenHash == tokenHash);
}

public sealed class ActiveRefreshTokensInFamilySpec : Specification<RefreshToken>
{
    public ActiveRefreshTokensInFamilySpec(Guid familyId) => Query.Where(t => t.FamilyId == familyId && t.RevokedAt == null);
}

/// <summary>Every live refresh token of the account (one or more per session).</summary>
public sealed class ActiveRefreshTokensOfUserSpec : Specification<RefreshToken>
{
    public ActiveRefreshTokensOfUserSpec(Guid userId) => Query.Where(t => t.UserId == userId && t.RevokedAt == null);
}

public sealed class AccountTokenByHashSpec : SingleResultSpecification<AccountToken>
{
    public AccountTokenByHashSpec(string tokenHash) => Query.Where(t => t.TokenHash == tokenHash);
}

/// <summary>The account's links of one purpose created since <paramref name="since"/>, used or not.</summary>
public sealed class AccountTokensSinceSpec : Specification<AccountToken>
{
    public AccountTokensSinceSpec(Guid userId, AccountTokenPurpose purpose, DateTimeOffset since) =>
        Query.Where(t => t.UserId == userId && t.Purpose == purpose && t.CreatedAt >= since);
}

/// <summary>The account's links of one purpose that could still be used.</summary>
public sealed class UnusedAccountTokensSpec : Specification<AccountToken>
{
    public UnusedAccountTokensSpec(Guid userId, AccountTokenPurpose purpose) =>
        Query.Where(t => t.UserId == userId && t.Purpose == purpose && t.UsedAt == null);
}

/// <summary>The user's tokens of one session: empty when the session is someone else's or unknown.</summary>
public sealed class RefreshTokensOfSessionSpec : Specification<RefreshToken>
{
    public RefreshTokensOfSessionSpec(Guid userId, Guid familyId) => Query.Where(t => t.UserId == userId && t.FamilyId == familyId);
}

public sealed class PendingInstructorApplicationSpec : Specification<InstructorApplication>
{
    public PendingInstructorApplicationSpec(Guid userId) => Query.Where(a => a.UserId == userId && a.Status == InstructorApplicationStatus.Pending);
}

public sealed class UnusedRecoveryCodeSpec : Specification<RecoveryCode>
{
    public UnusedRecoveryCodeSpec(Guid userId, string codeHash) => Query.Where(c => c.UserId == userId && c.CodeHash == codeHash && c.UsedAt == null);
}

public sealed class RecoveryCodesOfUserSpec : Specification<RecoveryCode>
{
    public RecoveryCodesOfUserSpec(Guid userId) => Query.Where(c => c.UserId == userId);
}

public sealed class AccountTokensOfUserSpec : Specification<AccountToken>
{
    public AccountTokensOfUserSpec(Guid userId) => Query.Where(t => t.UserId == userId);
}

public sealed class ExternalLoginSpec : SingleResultSpecification<ExternalLogin>
{
    public ExternalLoginSpec(string provider, string subject) => Query.Where(l => l.Provider == provider && l.Subject == subject);
}

public sealed class ExternalLoginsOfUserSpec : Specification<ExternalLogin>
{
    public ExternalLoginsOfUserSpec(Guid userId) => Query.Where(l => l.UserId == userId);
}
