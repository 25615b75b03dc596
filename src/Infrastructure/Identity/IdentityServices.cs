using LectureHub.Application.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace LectureHub.Infrastructure.Identity;

internal static class IdentityServices
{
    /// <summary>Password hashing, JWTs, revoked sessions and the login throttle.</summary>
    public static void AddIdentity(this Registration r)
    {
        r.Options<JwtOptions>(JwtOptions.Section).PostConfigure(jwt =>
        {
            if (string.IsNullOrEmpty(jwt.SigningKey) && r.IsDevelopment)
            {
                jwt.SigningKey = r.DevelopmentKey("keys/jwt-signing.key", 32);
            }
        });
        r.Options<LoginThrottleOptions>(LoginThrottleOptions.Section);
        r.Options<PasswordHashingOptions>(PasswordHashingOptions.Section)
            .Validate(o => o.IsAllowed(r.IsDevelopment),
                $"PasswordHashing below Argon2id m={PasswordHashingOptions.ProductionMemoryKiB} KiB, t={PasswordHashingOptions.ProductionPasses} is for Development only.");
        r.Services.AddSingleton<IPasswordHasher, PasswordHasher>();
        r.Services.AddSingleton<ITokenService, JwtTokenService>();
        r.Services.AddSingleton<ITwoFactor, TotpTwoFactor>();
        r.Services.AddSingleton<InProcessLoginThrottle>();
        r.Services.AddSingleton<ILoginThrottle, RedisLoginThrottle>();
        r.Services.AddSingleton<RedisSessionRevocations>();
        r.Services.AddSingleton<ISessionRevocations>(sp => sp.GetRequiredService<RedisSessionRevocations>());
        r.Services.AddHostedService(sp => sp.GetRequiredService<RedisSessionRevocations>());
    }
}
