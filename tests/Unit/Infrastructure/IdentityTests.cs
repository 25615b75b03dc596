using LectureHub.Application.Abstractions;
using LectureHub.Domain.Users;
using LectureHub.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using LectureHub.UnitTests.Support;
using Microsoft.Extensions.Configuration;
using NSubstitute;

namespace LectureHub.UnitTests.Infrastructure;

public sealed class IdentityTests
{
    private static readonly JwtOptions Jwt = new() { SigningKey = Convert.ToBase64String(new byte[32]) };

    private static LectureHub.Infrastructure.Identity.PasswordHasher Hasher(int iterations) =>
        new(Options.Create(new PasswordHashingOptions { Iterations = iterations }));

    [Fact]
    public void A_password_verifies_against_its_own_hash_only()
    {
        var hasher = Hasher(PasswordHashingOptions.ProductionMinimum);

        var hash = hasher.Hash("correct-horse-battery");

        Assert.Equal(PasswordCheck.Success, hasher.Verify(hash, "correct-horse-battery"));
        Assert.Equal(PasswordCheck.Failed, hasher.Verify(hash, "correct-horse-battery!"));
        Assert.NotEqual(hash, hasher.Hash("correct-horse-battery")); // salted
    }

    [Fact]
    public void A_hash_made_with_fewer_iterations_asks_to_be_rehashed()
    {
        var weak = new PasswordHasher<User>(Options.Create(new PasswordHasherOptions { IterationCount = 10_000 })).HashPassword(null!, "pw-1234567890");

        Assert.Equal(PasswordCheck.SuccessRehashNeeded, Hasher(PasswordHashingOptions.ProductionMinimum).Verify(weak, "pw-1234567890"));
    }

    [Fact]
    public void A_cheap_hash_for_the_load_smoke_is_development_only_and_rehashed_at_production_cost()
    {
        var cheap = new PasswordHashingOptions { Iterations = 1_000 };
        var hash = Hasher(cheap.Iterations).Hash("pw-1234567890");

        Assert.Equal(PasswordCheck.Success, Hasher(cheap.Iterations).Verify(hash, "pw-1234567890"));
        Assert.Equal(PasswordCheck.SuccessRehashNeeded, Hasher(PasswordHashingOptions.ProductionMinimum).Verify(hash, "pw-1234567890"));
        Assert.True(cheap.IsAllowed(development: true));
        Assert.False(cheap.IsAllowed(development: false));
        Assert.True(new PasswordHashingOptions().IsAllowed(development: false));
    }

    [Theory]
    [InlineData("Production", false)]
    [InlineData("Development", true)]
    public void A_cheap_hash_is_refused_at_start_up_outside_development(string environment, bool allowed)
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["PasswordHashing:Iterations"] = "1000" }).Build();
        var host = NSubstitute.Substitute.For<Microsoft.Extensions.Hosting.IHostEnvironment>();
        host.EnvironmentName.Returns(environment);
        new LectureHub.Infrastructure.Registration(services, configuration, host).AddIdentity();
        using var provider = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);

        var read = () => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<IOptions<PasswordHashingOptions>>(provider).Value.Iterations;

        if (allowed)
        {
            Assert.Equal(1_000, read());
        }
        else
        {
            Assert.Throws<OptionsValidationException>(() => read());
        }
    }

    [Fact]
    public async Task The_access_token_is_a_signed_jwt_valid_for_fifteen_minutes_with_subject_and_role()
    {
        var now = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
        var service = new JwtTokenService(Options.Create(Jwt), new TestClock(now));
        var user = User.Register("a@b.co", "김", "h", Role.Instructor, now);

        var access = service.CreateAccessToken(user);

        Assert.Equal(now.AddMinutes(15), access.ExpiresAt);
        var validated = await new JsonWebTokenHandler().ValidateTokenAsync(access.Token, new TokenValidationParameters
        {
            ValidIssuer = Jwt.Issuer,
            ValidAudience = Jwt.Audience,
            IssuerSigningKey = JwtTokenService.SigningKey(Jwt),
            ValidateLifetime = false,
        });
        Assert.True(validated.IsValid, validated.Exception?.Message);
        Assert.Equal(user.Id.ToString(), validated.Claims["sub"]);
        Assert.Equal("Instructor", validated.Claims["role"]);
    }

    [Fact]
    public void Refresh_tokens_are_random_and_only_their_hash_is_kept()
    {
        var service = new JwtTokenService(Options.Create(Jwt), TimeProvider.System);

        var one = service.CreateRefreshToken();
        var two = service.CreateRefreshToken();

        Assert.NotEqual(one.Value, two.Value);
        Assert.Equal(43, one.Value.Length); // 256 bits, base64url
        Assert.Equal(service.HashRefreshToken(one.Value), one.Hash);
        Assert.DoesNotContain(one.Value, one.Hash, StringComparison.Ordinal);
    }
}
