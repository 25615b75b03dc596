using Ardalis.Specification;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Auth.Commands;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Application.Terms;
using LectureHub.Domain.Terms;
using LectureHub.Domain.Users;
using NSubstitute;
using LectureHub.UnitTests.Support;

namespace LectureHub.UnitTests.Application;

public sealed class AuthHandlerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static readonly TermsAgreement Agreed = new(2, 1, null);

    private readonly IRepository<User> _users = Substitute.For<IRepository<User>>();
    private readonly IRepository<RefreshToken> _refreshTokens = Substitute.For<IRepository<RefreshToken>>();
    private readonly IPasswordHasher _hasher = Substitute.For<IPasswordHasher>();
    private readonly ITokenService _tokens = Substitute.For<ITokenService>();
    private readonly ILoginThrottle _throttle = Substitute.For<ILoginThrottle>();
    private readonly IReadConsistency _consistency = Substitute.For<IReadConsistency>();
    private readonly IRepository<AccountToken> _links = Substitute.For<IRepository<AccountToken>>();
    private readonly IRepository<TermsDecision> _decisions = Substitute.For<IRepository<TermsDecision>>();
    private readonly IRequestClient _client = Substitute.For<IRequestClient>();
    private readonly Mediator.ISender _sender = Substitute.For<Mediator.ISender>();
    private readonly TimeProvider _clock = new TestClock(Now);

    public AuthHandlerTests()
    {
        _tokens.RefreshTokenLifetime.Returns(TimeSpan.FromDays(14));
        _tokens.CreateRefreshToken().Returns(new NewRefreshToken("value", "hash"));
        _tokens.CreateAccessToken(Arg.Any<User>(), Arg.Any<Guid>(), Arg.Any<DateTimeOffset?>()).Returns(new AccessToken("jwt", Now.AddMinutes(15)));
        _tokens.CreateDeviceToken(Arg.Any<Guid>()).Returns("device");
        _refreshTokens.AddAsync(Arg.Any<RefreshToken>(), Arg.Any<CancellationToken>()).Returns(c => c.Arg<RefreshToken>());
        _throttle.CheckAsync(default!, default!, default, default).ReturnsForAnyArgs(LoginGate.Open);
        _client.Client.Returns(new ClientInfo("phone", "198.51.100.7"));
        _links.ListAsync(Arg.Any<ISpecification<AccountToken>>(), Arg.Any<CancellationToken>()).Returns([]);
        _tokens.AccountTokenValue(Arg.Any<Guid>()).Returns("link-value");
        _tokens.HashToken("link-value").Returns("link-hash");
    }

    private RegisterHandler Register => new(_users, _hasher, _sender);

    private LoginHandler Login => new(_users, _hasher, _tokens, _throttle, _sender, _clock);

    private StartSessionHandler StartSession => new(_users, _refreshTokens, _tokens, _client, _consistency, _clock);

    private CreateAccountHandler CreateAccount => new(_users, _refreshTokens, _links, _decisions, _tokens, _client, _consistency, _clock);

    [Fact]
    public async Task Register_refuses_an_email_that_is_taken()
    {
        _users.AnyAsync(Arg.Any<ISpecification<User>>(), Arg.Any<CancellationToken>()).Returns(true);

        var error = await Assert.ThrowsAsync<ConflictException>(async () =>
            await Register.Handle(new RegisterWorkflow("a@b.co", "long-enough-pw", "a"), default));

        Assert.Equal("EMAIL_TAKEN", error.Code);
        await _users.DidNotReceiveWithAnyArgs().AddAsync(default!, default);
    }

    [Fact]
    public async Task Register_hashes_once_and_hands_the_hash_never_the_password_to_the_account_command()
    {
        _hasher.HashAsync("long-enough-pw", Arg.Any<CancellationToken>()).Returns("ARGON2-HASH");

        await Register.Handle(new RegisterWorkflow("a@b.co", "long-enough-pw", "a", Terms: Agreed), default);

        await _sender.Received(1).Send(new CreateAccountCommand("a@b.co", "a", "ARGON2-HASH", Role.Student, null, Agreed), Arg.Any<CancellationToken>());
        await _hasher.Received(1).HashAsync(Arg.Any<string>(), Arg.Any<CancellationToken>());
        await _hasher.DidNotReceiveWithAnyArgs().VerifyAsync(default!, default!, default);
    }

    [Fact]
    public async Task Creating_the_account_stores_the_hash_and_the_terms_agreed_signs_it_in_sends_a_verification_link_and_notes_the_writer()
    {
        var registered = await CreateAccount.Handle(new CreateAccountCommand("a@b.co", "a", "ARGON2-HASH", Role.Student, null, Agreed with { Marketing = 1 }), default);

        await _users.Received(1).AddAsync(Arg.Is<User>(u => u.PasswordHash == "ARGON2-HASH" && u.Id == registered.User.Id), Arg.Any<CancellationToken>());
        _consistency.Received(1).NoteWriteBy(registered.User.Id);
        Assert.Equal(("jwt", "value"), (registered.Tokens.AccessToken, registered.Tokens.RefreshToken));
        await _links.Received(1).AddAsync(
            Arg.Is<AccountToken>(t => t.UserId == registered.User.Id && t.Purpose == AccountTokenPurpose.VerifyEmail && t.TokenHash == "link-hash"),
            Arg.Any<CancellationToken>());
        Assert.Null(registered.User.EmailVerifiedAt);
        Assert.Equal((2, 1, (int?)1), (registered.User.ServiceTermsVersion, registered.User.PrivacyTermsVersion, registered.User.MarketingTermsVersion));
        await _decisions.Received(1).AddRangeAsync(
            Arg.Is<IEnumerable<TermsDecision>>(d => string.Join(",", d.Select(x => $"{x.Kind}:{x.Version}:{x.Agreed}")) == "Service:2:True,Privacy:1:True,Marketing:1:True"),
            Arg.Any<CancellationToken>());
        await _links.DidNotReceiveWithAnyArgs().CountAsync(default!, default); // a new account has no links to count or spend
        await _links.DidNotReceiveWithAnyArgs().ListAsync(default!, default);
    }

    [Fact]
    public async Task Login_is_refused_without_checking_the_password_while_this_source_is_throttled()
    {
        _throttle.CheckAsync("a@b.co", "ip:203.0.113.9", false, Arg.Any<CancellationToken>()).Returns(new LoginGate(TimeSpan.FromMinutes(3), TimeSpan.Zero));

        var error = await Assert.ThrowsAsync<TooManyRequestsException>(async () =>
            await Login.Handle(new LoginWorkflow("A@b.co", "pw") { Source = "203.0.113.9" }, default));

        Assert.Equal(("LOGIN_THROTTLED", TimeSpan.FromMinutes(3)), (error.Code, error.RetryAfter));
        await _hasher.DidNotReceiveWithAnyArgs().VerifyAsync(default!, default!, default);
    }

    [Fact]
    public async Task A_device_marker_of_this_account_is_the_source_and_skips_the_account_ceiling()
    {
        var user = User.Register("a@b.co", "a", "stored", Role.Student, Now);
        var device = Guid.NewGuid();
        _users.SingleOrDefaultAsync(Arg.Any<ISingleResultSpecification<User>>(), Arg.Any<CancellationToken>()).Returns(user);
        _tokens.DeviceOf("marker", user.Id).Returns(device);
        _hasher.VerifyAsync("stored", "pw", Arg.Any<CancellationToken>()).Returns(PasswordCheck.Success);

        var signedIn = await Login.Handle(new LoginWorkflow("a@b.co", "pw") { Source = "203.0.113.9", DeviceToken = "marker" }, default);

        await _throttle.Received(1).CheckAsync("a@b.co", $"device:{device:N}", true, Arg.Any<CancellationToken>());
        Assert.Equal("marker", signedIn.DeviceToken);
    }

    [Fact]
    public async Task A_wrong_password_counts_a_failure_and_issues_nothing()
    {
        var user = User.Register("a@b.co", "a", "stored", Role.Student, Now);
        _users.SingleOrDefaultAsync(Arg.Any<ISingleResultSpecification<User>>(), Arg.Any<CancellationToken>()).Returns(user);
        _hasher.VerifyAsync("stored", "wrong", Arg.Any<CancellationToken>()).Returns(PasswordCheck.Failed);

        var error = await Assert.ThrowsAsync<UnauthorizedException>(async () =>
            await Login.Handle(new LoginWorkflow("a@b.co", "wrong") { Source = "198.51.100.7" }, default));

        Assert.Equal("INVALID_CREDENTIALS", error.Code);
        await _throttle.Received(1).RecordFailureAsync("a@b.co", "ip:198.51.100.7", Arg.Any<CancellationToken>());
        await _refreshTokens.DidNotReceiveWithAnyArgs().AddAsync(default!, default);
    }

    [Fact]
    public async Task An_unknown_email_still_runs_a_password_check()
    {
        _hasher.HashAsync(Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns("decoy");

        await Assert.ThrowsAsync<UnauthorizedException>(async () => await Login.Handle(new LoginWorkflow("nobody@b.co", "pw"), default));

        await _hasher.Received(1).VerifyAsync(Arg.Any<string>(), "pw", Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_successful_login_with_an_old_hash_rehashes_and_starts_a_new_family()
    {
        var user = User.Register("a@b.co", "a", "old-weak-hash", Role.Student, Now);
        _users.SingleOrDefaultAsync(Arg.Any<ISingleResultSpecification<User>>(), Arg.Any<CancellationToken>()).Returns(user);
        _users.GetByIdAsync(user.Id, Arg.Any<CancellationToken>()).Returns(user);
        _hasher.VerifyAsync("old-weak-hash", "pw", Arg.Any<CancellationToken>()).Returns(PasswordCheck.SuccessRehashNeeded);
        _hasher.HashAsync("pw", Arg.Any<CancellationToken>()).Returns("new-strong-hash");
#pragma warning disable CA2012 // NSubstitute arranges the call; its ValueTask is never consumed
        _sender.Send(Arg.Any<StartSessionCommand>(), Arg.Any<CancellationToken>()).Returns(c => StartSession.Handle(c.Arg<StartSessionCommand>(), default));
#pragma warning restore CA2012

        var signedIn = await Login.Handle(new LoginWorkflow("a@b.co", "pw") { Source = "198.51.100.7" }, default);

        Assert.Equal(("jwt", "value", "device"), (signedIn.Tokens!.AccessToken, signedIn.Tokens.RefreshToken, signedIn.DeviceToken));
        Assert.Equal("new-strong-hash", user.PasswordHash);
        await _throttle.Received(1).ResetAsync("a@b.co", "ip:198.51.100.7", Arg.Any<CancellationToken>());
        await _refreshTokens.Received(1).AddAsync(Arg.Is<RefreshToken>(t => t.UserId == user.Id && t.TokenHash == "hash"), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_two_factor_account_gets_a_challenge_not_a_session_and_its_old_hash_is_still_upgraded()
    {
        var user = User.Register("a@b.co", "a", "old-weak-hash", Role.Student, Now);
        user.BeginTotpEnrolment("sealed", Now);
        user.EnableTotp(step: 1, Now);
        _users.SingleOrDefaultAsync(Arg.Any<ISingleResultSpecification<User>>(), Arg.Any<CancellationToken>()).Returns(user);
        _users.GetByIdAsync(user.Id, Arg.Any<CancellationToken>()).Returns(user);
        _hasher.VerifyAsync("old-weak-hash", "pw", Arg.Any<CancellationToken>()).Returns(PasswordCheck.SuccessRehashNeeded);
        _hasher.HashAsync("pw", Arg.Any<CancellationToken>()).Returns("new-strong-hash");
        _tokens.CreateLoginChallenge(user.Id, Now + TwoFactorChallenge.Lifetime).Returns("challenge");
#pragma warning disable CA2012 // NSubstitute arranges the call; its ValueTask is never consumed
        _sender.Send(Arg.Any<StorePasswordRehashCommand>(), Arg.Any<CancellationToken>())
            .Returns(c => new StorePasswordRehashHandler(_users, _clock).Handle(c.Arg<StorePasswordRehashCommand>(), default));
#pragma warning restore CA2012

        var signedIn = await Login.Handle(new LoginWorkflow("a@b.co", "pw"), default);

        Assert.Equal((null, null, "challenge"), (signedIn.Tokens, signedIn.DeviceToken, signedIn.Challenge?.Challenge));
        Assert.Equal("new-strong-hash", user.PasswordHash);
        await _sender.DidNotReceive().Send(Arg.Any<StartSessionCommand>(), Arg.Any<CancellationToken>());
        await _refreshTokens.DidNotReceiveWithAnyArgs().AddAsync(default!, default);
    }

    [Fact]
    public async Task Presenting_a_spent_refresh_token_revokes_every_live_token_in_its_family()
    {
        var family = Guid.NewGuid();
        var spent = RefreshToken.Issue(Guid.NewGuid(), family, "old", Now, TimeSpan.FromDays(1), new ClientInfo(null, null));
        var live = spent.Rotate("new", Now, TimeSpan.FromDays(1), new ClientInfo(null, null));
        _tokens.HashToken("stolen").Returns("old");
        _refreshTokens.SingleOrDefaultAsync(Arg.Any<ISingleResultSpecification<RefreshToken>>(), Arg.Any<CancellationToken>()).Returns(spent);
        _refreshTokens.ListAsync(Arg.Any<ISpecification<RefreshToken>>(), Arg.Any<CancellationToken>()).Returns([live]);

        _users.GetByIdAsync(spent.UserId, Arg.Any<CancellationToken>()).Returns(User.Register("a@b.co", "a", "h", Role.Student, Now));
        _tokens.SuccessorOf("stolen").Returns(new NewRefreshToken("next", "new"));
        var later = new TestClock(Now + RefreshToken.ReuseGrace + TimeSpan.FromSeconds(1));

        var outcome = await new RefreshTokensHandler(_users, _refreshTokens, _tokens, _client, later).Handle(new RefreshTokensCommand("stolen"), default);

        Assert.Equal("REFRESH_TOKEN_REUSED", outcome.RejectionCode);
        Assert.Null(outcome.Tokens);
        Assert.Equal("reuse detected", live.RevokedReason);
        Assert.Equal([new SessionRevoked(family)], live.DomainEvents);
    }

    [Fact]
    public async Task Presenting_a_just_rotated_token_again_answers_with_the_same_successor_and_revokes_nothing()
    {
        var family = Guid.NewGuid();
        var spent = RefreshToken.Issue(Guid.NewGuid(), family, "old", Now, TimeSpan.FromDays(1), new ClientInfo(null, null));
        var live = spent.Rotate("new", Now, TimeSpan.FromDays(1), new ClientInfo(null, null));
        _tokens.HashToken("retried").Returns("old");
        _tokens.SuccessorOf("retried").Returns(new NewRefreshToken("next", "new"));
        _refreshTokens.SingleOrDefaultAsync(Arg.Any<ISingleResultSpecification<RefreshToken>>(), Arg.Any<CancellationToken>()).Returns(spent);
        _refreshTokens.GetByIdAsync(live.Id, Arg.Any<CancellationToken>()).Returns(live);
        _users.GetByIdAsync(spent.UserId, Arg.Any<CancellationToken>()).Returns(User.Register("a@b.co", "a", "h", Role.Student, Now));
        var soon = new TestClock(Now + RefreshToken.ReuseGrace);

        var outcome = await new RefreshTokensHandler(_users, _refreshTokens, _tokens, _client, soon).Handle(new RefreshTokensCommand("retried"), default);

        Assert.Equal("next", outcome.Tokens?.RefreshToken);
        Assert.False(live.IsSpent);
        await _refreshTokens.DidNotReceiveWithAnyArgs().AddAsync(default!, default);
    }
}
