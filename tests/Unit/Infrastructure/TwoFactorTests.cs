using LectureHub.Infrastructure.Identity;
using Microsoft.Extensions.Options;
using OtpNet;

namespace LectureHub.UnitTests.Infrastructure;

public sealed class TwoFactorTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 15, TimeSpan.Zero);

    private static TotpTwoFactor Service(byte key = 0) => new(Options.Create(new JwtOptions { SigningKey = Convert.ToBase64String(Enumerable.Repeat(key, 32).ToArray()) }));

    [Fact]
    public void A_sealed_secret_matches_the_apps_codes_within_one_step_either_way_and_only_under_its_key()
    {
        var setup = Service().NewTotp("kim@example.com");
        var app = new Totp(Base32Encoding.ToBytes(setup.Secret));
        var step = Now.ToUnixTimeSeconds() / 30;

        Assert.DoesNotContain(setup.Secret, setup.ProtectedSecret);
        Assert.Equal(step, Service().MatchTotp(setup.ProtectedSecret, app.ComputeTotp(Now.UtcDateTime), Now));
        Assert.Equal(step - 1, Service().MatchTotp(setup.ProtectedSecret, app.ComputeTotp(Now.AddSeconds(-30).UtcDateTime), Now));
        Assert.Equal(step + 1, Service().MatchTotp(setup.ProtectedSecret, app.ComputeTotp(Now.AddSeconds(30).UtcDateTime), Now));
        Assert.Null(Service().MatchTotp(setup.ProtectedSecret, app.ComputeTotp(Now.AddSeconds(-60).UtcDateTime), Now));
        Assert.Null(Service().MatchTotp(setup.ProtectedSecret, "12a456", Now));
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => Service(key: 1).MatchTotp(setup.ProtectedSecret, "123456", Now));
    }

    [Fact]
    public void Recovery_codes_are_random_readable_and_hash_the_same_however_they_are_typed()
    {
        var service = Service();
        var codes = Enumerable.Range(0, 50).Select(_ => service.NewRecoveryCode()).ToList();

        Assert.Equal(50, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Matches("^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$", c));
        var code = codes[0];
        Assert.Equal(service.HashRecoveryCode(code), service.HashRecoveryCode(" " + code.ToLowerInvariant().Replace('-', ' ')));
        Assert.NotEqual(service.HashRecoveryCode(code), Service(key: 1).HashRecoveryCode(code)); // keyed
    }
}
