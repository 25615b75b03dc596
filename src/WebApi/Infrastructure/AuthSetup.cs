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
            .Configure<IOptions<JwtOptions>, ValidatedTokenCache>((bearer, jwt, tokens) =>
            {
                bearer.MapInboundClaims = false;
                bearer.TokenHandlers.Clear();
                bearer.TokenHandlers.Add(tokens);
                bearer.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = jwt.Value.Issuer,
                    ValidAudience = jwt.Value.Audience,
                    IssuerSigningKey = JwtTokenService.SigningKey(jwt.Value),
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    ClockSkew = TimeSpan.FromSeconds(30),
                    NameClaimType = "name",
                    RoleClaimType = "role",
                };
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(Admin, p => p.RequireRole(nameof(Domain.Users.Role.Admin)))
            .AddPolicy(Instructor, p => p.RequireRole(nameof(Domain.Users.Role.Instructor), nameof(Domain.Users.Role.Admin)));
        return services;
    }
}
