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
