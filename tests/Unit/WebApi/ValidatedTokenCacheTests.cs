using LectureHub.Application.Abstractions;
using LectureHub.Domain.Users;
using LectureHub.Infrastructure.Identity;
using LectureHub.UnitTests.Support;
using LectureHub.WebApi.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace LectureHub.UnitTests.WebApi;

public sealed class ValidatedTokenCacheTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly JwtOptions Jwt = new() { SigningKey = Convert.ToBase64String(new byte[32]) };

    private static readonly Guid Session = Guid.NewGuid();

    private readonly TestClock _clock = new(Now);
    private readonly ISessionRevocations _revocations = NSubstitute.Substitute.For<ISessionRevocations>();
    private readonly ValidatedTokenCache _cache;
    private readonly string _token;

    public ValidatedTokenCacheTests()
    {
        _cache = new ValidatedTokenCache(_clock, _revocations);
        _token = new JwtTokenService(Options.Create(Jwt), _clock).CreateAccessToken(User.Register("a@b.co", "김", "h", Role.Student, Now), Session).Token;
    }

    public void Dispose() => _cache.Dispose();

    [Fact]
    public async Task A_valid_token_is_remembered_and_each_request_gets_its_own_copy_of_the_identity()
    {
        var first = await _cache.ValidateTokenAsync(_token, Parameters(Jwt));
        var second = await _cache.ValidateTokenAsync(_token, Parameters(Jwt));

        Assert.True(first.IsValid && second.IsValid);
        Assert.NotSame(first.ClaimsIdentity, second.ClaimsIdentity);
        Assert.Equal(first.ClaimsIdentity.Claims.Select(c => (c.Type, c.Value)), second.ClaimsIdentity.Claims.Select(c => (c.Type, c.Value)));
    }

    [Fact]
    public async Task A_remembered_token_is_validated_afresh_once_it_expires_and_an_invalid_one_is_never_remembered()
    {
        var otherKey = Parameters(new JwtOptions { SigningKey = Convert.ToBase64String(Enumerable.Repeat((byte)7, 32).ToArray()) });
        Assert.True((await _cache.ValidateTokenAsync(_token, Parameters(Jwt))).IsValid);

        // While it lives, the cache answers without checking the signature again ...
        Assert.True((await _cache.ValidateTokenAsync(_token, otherKey)).IsValid);
        // ... and once it has expired, the check runs again (and fails with the wrong key).
        _clock.Advance(TimeSpan.FromMinutes(16));
        Assert.False((await _cache.ValidateTokenAsync(_token, otherKey)).IsValid);

        var forged = _token[..^2] + (_token[^2] == 'A' ? "B" : "A") + _token[^1];
        Assert.False((await _cache.ValidateTokenAsync(forged, Parameters(Jwt))).IsValid);
        Assert.False((await _cache.ValidateTokenAsync(forged, Parameters(Jwt))).IsValid);
    }

    [Fact]
    public async Task A_revoked_session_is_refused_whether_its_token_is_remembered_or_not()
    {
        Assert.True((await _cache.ValidateTokenAsync(_token, Parameters(Jwt))).IsValid);

        NSubstitute.SubstituteExtensions.Returns(_revocations.IsRevoked(Session), true);

        Assert.False((await _cache.ValidateTokenAsync(_token, Parameters(Jwt))).IsValid);
        using var fresh = new ValidatedTokenCache(_clock, _revocations);
        Assert.False((await fresh.ValidateTokenAsync(_token, Parameters(Jwt))).IsValid);
    }

    [Fact]
    public async Task A_token_lives_on_the_clock_that_issued_it_with_thirty_seconds_of_skew()
    {
        var clock = new TestClock(new DateTimeOffset(2040, 1, 1, 0, 0, 0, TimeSpan.Zero)); // far from the machine's clock
        var token = new JwtTokenService(Options.Create(Jwt), clock).CreateAccessToken(User.Register("a@b.co", "김", "h", Role.Student, clock.GetUtcNow()), Session).Token;
        var parameters = AuthSetup.TokenValidation(Jwt, clock);
        var handler = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler();

        Assert.True((await handler.ValidateTokenAsync(token, parameters)).IsValid);
        clock.Advance(TimeSpan.FromMinutes(15.4));
        Assert.True((await handler.ValidateTokenAsync(token, parameters)).IsValid);
        clock.Advance(TimeSpan.FromMinutes(0.2));
        Assert.False((await handler.ValidateTokenAsync(token, parameters)).IsValid);
        clock.Advance(TimeSpan.FromMinutes(-17)); // 84 s before it was issued
        Assert.False((await handler.ValidateTokenAsync(token, parameters)).IsValid);
    }

    /// <summary>Lifetime is left to the cache here: the token was issued on the test clock, not the machine's.</summary>
    private static TokenValidationParameters Parameters(JwtOptions jwt) => new()
    {
        ValidIssuer = jwt.Issuer, ValidAudience = jwt.Audience, IssuerSigningKey = JwtTokenService.SigningKey(jwt), ValidateLifetime = false,
    };
}
