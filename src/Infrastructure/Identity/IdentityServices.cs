using LectureHub.Application.Abstractions;
using LectureHub.Infrastructure.Identity.External;
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
        r.Options<ExternalSignInOptions>(ExternalSignInOptions.Section).PostConfigure(o =>
        {
            if (string.IsNullOrEmpty(o.CallbackBaseUrl) && r.IsDevelopment)
            {
                o.CallbackBaseUrl = "http://127.0.0.1:5080"; // scripts/run.sh's API
            }
        }).Validate(o => o.Providers.Values.All(p => string.IsNullOrEmpty(p.ClientId)) || Uri.IsWellFormedUriString(o.CallbackBaseUrl, UriKind.Absolute),
            "ExternalSignIn:CallbackBaseUrl (this API's public URL) is required when a social sign-in provider is configured.");
        r.Services.AddSingleton<IExternalIdentities, ExternalIdentities>();
        r.Services.AddSingleton<IExternalSignInStore, RedisExternalSignInStore>();
        r.Services.AddSingleton<InProcessLoginThrottle>();
        r.Services.AddSingleton<ILoginThrottle, RedisLoginThrottle>();
        r.Services.AddSingleton<RedisSessionRevocations>();
        r.Services.AddSingleton<ISessionRevocations>(sp => sp.GetRequiredService<RedisSessionRevocations>());
        r.Services.AddHostedService(sp => sp.GetRequiredService<RedisSessionRevocations>());
    }
}
