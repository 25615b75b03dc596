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

    private static LectureHub.Infrastructure.Identity.PasswordHasher Hasher(int memoryKiB = PasswordHashingOptions.ProductionMemoryKiB, int passes = PasswordHashingOptions.ProductionPasses, int concurrency = 0, int queue = 8) =>
        new(Options.Create(new PasswordHashingOptions { MemoryKiB = memoryKiB, Passes = passes, Concurrency = concurrency, QueueLimit = queue }), Support.TestMetrics.Create());

    [Fact]
    public async Task A_password_verifies_against_its_own_argon2id_hash_only()
    {
        using var hasher = Hasher();

        var hash = await hasher.HashAsync("correct-horse-battery", default);

        Assert.StartsWith("$argon2id$v=19$m=19456,t=2,p=1$", hash);
        Assert.Equal(PasswordCheck.Success, await hasher.VerifyAsync(hash, "correct-horse-battery", default));
        Assert.Equal(PasswordCheck.Failed, await hasher.VerifyAsync(hash, "correct-horse-battery!", default));
        Assert.NotEqual(hash, await hasher.HashAsync("correct-horse-battery", default)); // salted
    }

    [Fact]
    public async Task A_pbkdf2_hash_from_before_verifies_and_asks_to_be_rehashed()
    {
        using var hasher = Hasher();
        var legacy = new PasswordHasher<User>(Options.Create(new PasswordHasherOptions { IterationCount = 210_000 })).HashPassword(null!, "pw-1234567890");

        Assert.Equal(PasswordCheck.SuccessRehashNeeded, await hasher.VerifyAsync(legacy, "pw-1234567890", default));
        Assert.Equal(PasswordCheck.Failed, await hasher.VerifyAsync(legacy, "pw-1234567890x", default));
    }

    [Fact]
    public async Task A_cheaper_argon2id_hash_verifies_and_is_rehashed_at_production_cost()
    {
        using var cheap = Hasher(memoryKiB: 1024, passes: 1);
        using var production = Hasher();
        var hash = await cheap.HashAsync("pw-1234567890", default);

        Assert.Equal(PasswordCheck.Success, await cheap.VerifyAsync(hash, "pw-1234567890", default));
        Assert.Equal(PasswordCheck.SuccessRehashNeeded, await production.VerifyAsync(hash, "pw-1234567890", default));
        Assert.True(new PasswordHashingOptions { MemoryKiB = 1024 }.IsAllowed(development: true));
        Assert.False(new PasswordHashingOptions { MemoryKiB = 1024 }.IsAllowed(development: false));
        Assert.False(new PasswordHashingOptions { Passes = 1 }.IsAllowed(development: false));
        Assert.True(new PasswordHashingOptions().IsAllowed(development: false));
    }

    [Theory]
    [InlineData("$argon2id$v=19$m=19456,t=2,p=1$AAAA")]
    [InlineData("$argon2id$v=19$m=x,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("$argon2id$v=19$m=19456,t=2,p=4$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task A_damaged_hash_fails_rather_than_throws(string damaged)
    {
        using var hasher = Hasher();

        Assert.Equal(PasswordCheck.Failed, await hasher.VerifyAsync(damaged, "pw", default));
    }

    [Fact]
    public async Task A_caller_that_has_gone_away_is_not_hashed()
    {
        using var hasher = Hasher();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await hasher.HashAsync("pw", new CancellationToken(canceled: true)));
    }

    [Fact]
    public async Task A_caller_that_leaves_while_queued_is_dropped_from_the_queue_not_hashed()
    {
        using var hasher = Hasher(memoryKiB: 65_536, passes: 8, concurrency: 1, queue: 1);
        // The free slot is taken synchronously: when HashAsync returns, the first hash holds it.
        var first = hasher.HashAsync("pw", default).AsTask();
        using var leaving = new CancellationTokenSource();
        var queued = hasher.HashAsync("pw", leaving.Token).AsTask();

        await leaving.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued);
        // Its queue place is free again: a third caller may wait where it waited, and the first hash completes.
        var third = hasher.HashAsync("pw", default).AsTask();
        Assert.StartsWith("$argon2id$", await first);
        Assert.StartsWith("$argon2id$", await third);
    }

    [Fact]
    public async Task Past_the_slots_and_the_queue_a_hash_is_refused_as_busy_at_once()
    {
        // One slot, no queue, and hashes slow enough (64 MiB, 8 passes) that six started together overlap.
        using var hasher = Hasher(memoryKiB: 65_536, passes: 8, concurrency: 1, queue: 0);

        // Own threads (the test runner's pool may run one task at a time).
        var attempts = Enumerable.Range(0, 6)
            .Select(_ => Task.Factory.StartNew(() => hasher.HashAsync("pw", default).AsTask(), TaskCreationOptions.LongRunning).Unwrap()).ToList();
        var outcomes = await Task.WhenAll(attempts.Select(async a =>
        {
            try
            {
                await a;
                return "hashed";
            }
            catch (LectureHub.Application.Common.Exceptions.ServiceUnavailableException busy)
            {
                Assert.Equal(TimeSpan.FromSeconds(1), busy.RetryAfter);
                return busy.Code;
            }
        }));

        Assert.Contains("hashed", outcomes);
        Assert.Contains("BUSY", outcomes);
    }

    [Theory]
    [InlineData("Production", false)]
    [InlineData("Development", true)]
    public void A_cheap_hash_is_refused_at_start_up_outside_development(string environment, bool allowed)
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["PasswordHashing:MemoryKiB"] = "1024" }).Build();
        var host = NSubstitute.Substitute.For<Microsoft.Extensions.Hosting.IHostEnvironment>();
        host.EnvironmentName.Returns(environment);
        new LectureHub.Infrastructure.Registration(services, configuration, host).AddIdentity();
        using var provider = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);

        var read = () => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<IOptions<PasswordHashingOptions>>(provider).Value.MemoryKiB;

        if (allowed)
        {
            Assert.Equal(1_024, read());
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

        var session = Guid.NewGuid();
        var access = service.CreateAccessToken(user, session);

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
        Assert.Equal(session.ToString(), validated.Claims["sid"]);
    }

    [Fact]
    public void Refresh_tokens_are_random_and_only_their_hash_is_kept()
    {
        var service = new JwtTokenService(Options.Create(Jwt), TimeProvider.System);

        var one = service.CreateRefreshToken();
        var two = service.CreateRefreshToken();

        Assert.NotEqual(one.Value, two.Value);
        Assert.Equal(43, one.Value.Length); // 256 bits, base64url
        Assert.Equal(service.HashToken(one.Value), one.Hash);
        Assert.DoesNotContain(one.Value, one.Hash, StringComparison.Ordinal);
    }

    [Fact]
    public void A_successor_is_the_same_for_the_same_token_and_unguessable_without_the_key()
    {
        var service = new JwtTokenService(Options.Create(Jwt), TimeProvider.System);
        var otherKey = new JwtTokenService(Options.Create(new JwtOptions { SigningKey = Convert.ToBase64String(Enumerable.Repeat((byte)9, 32).ToArray()) }), TimeProvider.System);

        Assert.Equal(service.SuccessorOf("token-a"), service.SuccessorOf("token-a"));
        Assert.NotEqual(service.SuccessorOf("token-a").Value, service.SuccessorOf("token-b").Value);
        Assert.NotEqual(service.SuccessorOf("token-a").Value, otherKey.SuccessorOf("token-a").Value);
    }

    [Fact]
    public void A_device_marker_is_good_for_its_own_account_only_and_cannot_be_forged()
    {
        var service = new JwtTokenService(Options.Create(Jwt), TimeProvider.System);
        var (owner, other) = (Guid.NewGuid(), Guid.NewGuid());

        var marker = service.CreateDeviceToken(owner);

        Assert.NotNull(service.DeviceOf(marker, owner));
        Assert.Null(service.DeviceOf(marker, other));
        Assert.Null(service.DeviceOf(marker[..^1] + (marker[^1] == 'A' ? 'B' : 'A'), owner));
        Assert.Null(service.DeviceOf("garbage", owner));
    }
}
