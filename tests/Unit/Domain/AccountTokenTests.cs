using LectureHub.Domain.Common;
using LectureHub.Domain.Users;

namespace LectureHub.UnitTests.Domain;

public sealed class AccountTokenTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(AccountTokenPurpose.ResetPassword, 30)]
    [InlineData(AccountTokenPurpose.VerifyEmail, 24 * 60)]
    public void A_link_works_until_its_lifetime_ends_and_raises_its_email(AccountTokenPurpose purpose, int minutes)
    {
        var link = AccountToken.Issue(Guid.NewGuid(), Guid.NewGuid(), purpose, "hash", Now);

        Assert.True(link.IsUsable(Now.AddMinutes(minutes).AddTicks(-1)));
        Assert.False(link.IsUsable(Now.AddMinutes(minutes)));
        Assert.Equal([new AccountTokenIssued(link.Id, link.UserId, purpose)], link.DomainEvents);
    }

    [Fact]
    public void A_link_is_used_once()
    {
        var link = AccountToken.Issue(Guid.NewGuid(), Guid.NewGuid(), AccountTokenPurpose.ResetPassword, "hash", Now);

        link.Use(Now.AddMinutes(1));

        Assert.False(link.IsUsable(Now.AddMinutes(2)));
        Assert.Equal("ACCOUNT_TOKEN_SPENT", Assert.Throws<DomainException>(() => link.Use(Now.AddMinutes(2))).Code);
    }

    [Fact]
    public void A_superseded_link_no_longer_works_and_keeps_when_it_was_spent()
    {
        var link = AccountToken.Issue(Guid.NewGuid(), Guid.NewGuid(), AccountTokenPurpose.VerifyEmail, "hash", Now);
        link.Use(Now.AddMinutes(1));

        link.Supersede(Now.AddMinutes(5));

        Assert.Equal(Now.AddMinutes(1), link.UsedAt);
    }
}
