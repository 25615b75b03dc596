using LectureHub.Domain.Common;
using LectureHub.Domain.Users;

namespace LectureHub.UnitTests.Domain;

public sealed class RefreshTokenTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);
    private static readonly ClientInfo Client = new("phone", "198.51.100.7");

    [Fact]
    public void Rotate_spends_the_token_and_issues_a_successor_in_the_same_family()
    {
        var token = RefreshToken.Issue(Guid.NewGuid(), Guid.NewGuid(), "hash-1", Now, Lifetime, Client);

        var next = token.Rotate("hash-2", Now.AddMinutes(5), Lifetime, new ClientInfo("laptop", "203.0.113.9"));

        Assert.True(token.IsSpent);
        Assert.Equal(next.Id, token.ReplacedById);
        Assert.Equal((token.UserId, token.FamilyId), (next.UserId, next.FamilyId));
        Assert.Equal((Now, "laptop", "203.0.113.9"), (next.SessionStartedAt, next.UserAgent, next.Address)); // the session's start, the new client
        Assert.Equal(Now.AddMinutes(5) + Lifetime, next.ExpiresAt);
        Assert.False(next.IsSpent);
    }

    [Fact]
    public void Rotating_a_spent_token_is_refused_as_reuse()
    {
        var token = RefreshToken.Issue(Guid.NewGuid(), Guid.NewGuid(), "hash-1", Now, Lifetime, Client);
        token.Rotate("hash-2", Now, Lifetime, Client);

        var error = Assert.Throws<DomainException>(() => token.Rotate("hash-3", Now, Lifetime, Client));

        Assert.Equal("REFRESH_TOKEN_REUSED", error.Code);
    }

    [Fact]
    public void Rotating_an_expired_token_is_refused()
    {
        var token = RefreshToken.Issue(Guid.NewGuid(), Guid.NewGuid(), "hash-1", Now, Lifetime, Client);

        var error = Assert.Throws<DomainException>(() => token.Rotate("hash-2", Now + Lifetime, Lifetime, Client));

        Assert.Equal("REFRESH_TOKEN_EXPIRED", error.Code);
    }

    [Fact]
    public void Revoke_keeps_the_first_reason()
    {
        var token = RefreshToken.Issue(Guid.NewGuid(), Guid.NewGuid(), "hash-1", Now, Lifetime, Client);

        token.Revoke("logout", Now);
        token.Revoke("reuse detected", Now.AddMinutes(1));

        Assert.Equal(("logout", Now), (token.RevokedReason, token.RevokedAt!.Value));
    }
}
