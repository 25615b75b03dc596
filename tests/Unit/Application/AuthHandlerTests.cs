using Ardalis.Specification;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Auth.Commands;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Domain.Users;
using NSubstitute;
using LectureHub.UnitTests.Support;

namespace LectureHub.UnitTests.Application;

public sealed class AuthHandlerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private readonly IRepository<User> _users = Substitute.For<IRepository<User>>();
    private readonly IRepository<RefreshToken> _refreshTokens = Substitute.For<IRepository<RefreshToken>>();
    private readonly IPasswordHasher _hasher = Substitute.For<IPasswordHasher>();
    private readonly ITokenService _tokens = Substitute.For<ITokenService>();
    private readonly ILoginThrottle _throttle = Substitute.For<ILoginThrottle>();
    private readonly IReadConsistency _consistency = Substitute.For<IReadConsistency>();
    private readonly TimeProvider _clock = new TestClock(Now);

    public AuthHandlerTests()
    {
        _tokens.RefreshTokenLifetime.Returns(TimeSpan.FromDays(14));
        _tokens.CreateRefreshToken().Returns(new NewRefreshToken("value", "hash"));
        _tokens.CreateAccessToken(Arg.Any<User>()).Returns(new AccessToken("jwt", Now.AddMinutes(15)));
        _refreshTokens.AddAsync(Arg.Any<RefreshToken>(), Arg.Any<CancellationToken>()).Returns(c => c.Arg<RefreshToken>());
    }

    private LoginHandler Login => new(_users, _refreshTokens, _hasher, _tokens, _throttle, _consistency, _clock);

    [Fact]
    public async Task Register_refuses_an_email_that_is_taken()
    {
        _users.AnyAsync(Arg.Any<ISpecification<User>>(), Arg.Any<CancellationToken>()).Returns(true);

        var error = await Assert.ThrowsAsync<ConflictException>(async () =>
            await new RegisterHandler(_users, _hasher, _consistency, _clock).Handle(new RegisterCommand("a@b.co", "long-enough-pw", "a"), default));

        Assert.Equal("EMAIL_TAKEN", error.Code);
        await _users.DidNotReceiveWithAnyArgs().AddAsync(default!, default);
    }

    [Fact]
    public async Task Register_stores_the_hash_never_the_password_and_notes_the_writer()
    {
        _hasher.Hash("long-enough-pw").Returns("PBKDF2-HASH");

        var me = await new RegisterHandler(_users, _hasher, _consistency, _clock).Handle(new RegisterCommand("a@b.co", "long-enough-pw", "a"), default);

        await _users.Received(1).AddAsync(Arg.Is<User>(u => u.PasswordHash == "PBKDF2-HASH" && u.Id == me.Id), Arg.Any<CancellationToken>());
        _consistency.Received(1).NoteWriteBy(me.Id);
    }

    [Fact]
    public async Task Login_is_refused_without_checking_the_password_while_the_account_is_throttled()
    {
        _throttle.RetryAfterAsync("a@b.co", Arg.Any<CancellationToken>()).Returns(TimeSpan.FromMinutes(3));

        var error = await Assert.ThrowsAsync<TooManyRequestsException>(async () => await Login.Handle(new LoginCommand("A@b.co", "pw"), default));

        Assert.Equal(("LOGIN_THROTTLED", TimeSpan.FromMinutes(3)), (error.Code, error.RetryAfter));
        _hasher.DidNotReceiveWithAnyArgs().Verify(default!, default!);
    }

    [Fact]
    public async Task A_wrong_password_counts_a_failure_and_issues_nothing()
    {
        var user = User.Register("a@b.co", "a", "stored", Role.Student, Now);
        _users.SingleOrDefaultAsync(Arg.Any<ISingleResultSpecification<User>>(), Arg.Any<CancellationToken>()).Returns(user);
        _hasher.Verify("stored", "wrong").Returns(PasswordCheck.Failed);

        var error = await Assert.ThrowsAsync<UnauthorizedException>(async () => await Login.Handle(new LoginCommand("a@b.co", "wrong"), default));

        Assert.Equal("INVALID_CREDENTIALS", error.Code);
        await _throttle.Received(1).RecordFailureAsync("a@b.co", Arg.Any<CancellationToken>());
        await _refreshTokens.DidNotReceiveWithAnyArgs().AddAsync(default!, default);
    }

    [Fact]
    public async Task An_unknown_email_still_runs_a_password_check()
    {
        _hasher.Hash(Arg.Any<string>()).Returns("decoy");

        await Assert.ThrowsAsync<UnauthorizedException>(async () => await Login.Handle(new LoginCommand("nobody@b.co", "pw"), default));

        _hasher.Received(1).Verify(Arg.Any<string>(), "pw");
    }

    [Fact]
    public async Task A_successful_login_with_an_old_hash_rehashes_and_starts_a_new_family()
    {
        var user = User.Register("a@b.co", "a", "old-weak-hash", Role.Student, Now);
        _users.SingleOrDefaultAsync(Arg.Any<ISingleResultSpecification<User>>(), Arg.Any<CancellationToken>()).Returns(user);
        _hasher.Verify("old-weak-hash", "pw").Returns(PasswordCheck.SuccessRehashNeeded);
        _hasher.Hash("pw").Returns("new-strong-hash");

        var tokens = await Login.Handle(new LoginCommand("a@b.co", "pw"), default);

        Assert.Equal(("jwt", "value"), (tokens.AccessToken, tokens.RefreshToken));
        Assert.Equal("new-strong-hash", user.PasswordHash);
        await _throttle.Received(1).ResetAsync("a@b.co", Arg.Any<CancellationToken>());
        await _refreshTokens.Received(1).AddAsync(Arg.Is<RefreshToken>(t => t.UserId == user.Id && t.TokenHash == "hash"), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Presenting_a_spent_refresh_token_revokes_every_live_token_in_its_family()
    {
        var family = Guid.NewGuid();
        var spent = RefreshToken.Issue(Guid.NewGuid(), family, "old", Now, TimeSpan.FromDays(1));
        var live = spent.Rotate("new", Now, TimeSpan.FromDays(1));
        _tokens.HashRefreshToken("stolen").Returns("old");
        _refreshTokens.SingleOrDefaultAsync(Arg.Any<ISingleResultSpecification<RefreshToken>>(), Arg.Any<CancellationToken>()).Returns(spent);
        _refreshTokens.ListAsync(Arg.Any<ISpecification<RefreshToken>>(), Arg.Any<CancellationToken>()).Returns([live]);

        var outcome = await new RefreshTokensHandler(_users, _refreshTokens, _tokens, _clock).Handle(new RefreshTokensCommand("stolen"), default);

        Assert.Equal("REFRESH_TOKEN_REUSED", outcome.RejectionCode);
        Assert.Null(outcome.Tokens);
        Assert.Equal("reuse detected", live.RevokedReason);
    }
}
