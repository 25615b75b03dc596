using LectureHub.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace LectureHub.WebApi.Infrastructure;

internal static class AuthSetup
{
    public const string Admin = "Admin";
    public const string Instructor = "Instructor";

    public static IServiceCollection AddLectureHubAuth(this IServiceCollection services)
    {
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddSingleton<ValidatedTokenCache>();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<JwtOptions>, ValidatedTokenCache, TimeProvider>((bearer, jwt, tokens, clock) =>
            {
                bearer.MapInboundClaims = false;
                bearer.TokenHandlers.Clear();
                bearer.TokenHandlers.Add(tokens);
                bearer.TokenValidationParameters = TokenValidation(jwt.Value, clock);
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(Admin, p => p.RequireRole(nameof(Domain.Users.Role.Admin)))
            .AddPolicy(Instructor, p => p.RequireRole(nameof(Domain.Users.Role.Instructor), nameof(Domain.Users.Role.Admin)));
        return services;
    }

    public static TokenValidationParameters TokenValidation(JwtOptions jwt, TimeProvider clock) => new()
    {
        ValidIssuer = jwt.Issuer,
        ValidAudience = jwt.Audience,
        IssuerSigningKey = JwtTokenService.SigningKey(jwt),
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        ClockSkew = TimeSpan.FromSeconds(30),
        LifetimeValidator = (notBefore, expires, _, parameters) => IsLive(notBefore, expires, parameters.ClockSkew, clock),
        NameClaimType = "name",
        RoleClaimType = "role",
    };

    /// <summary>Lifetime on the clock that issued the token (IdentityModel's own check reads the system clock).</summary>
    private static bool IsLive(DateTime? notBefore, DateTime? expires, TimeSpan skew, TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return expires is { } end && end > now - skew && (notBefore is not { } start || start <= now + skew);
    }
}
