using System.ComponentModel.DataAnnotations;

namespace LectureHub.WebApi.Infrastructure;

public sealed class CrossOriginOptions
{
    public const string Section = "Cors";

    /// <summary>Web origins (scheme://host[:port]) whose pages may call the API and load /cdn; none by default.</summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>How long a browser may reuse a preflight answer.</summary>
    [Range(0, 86_400)]
    public int PreflightMaxAgeSeconds { get; set; } = 600;
}

internal static class CorsSetup
{
    /// <summary>
    /// One policy for the API and the local CDN alike: the listed origins only, with credentials (the signed playback
    /// cookies, the device marker), every method and header, and the response headers a client must read.
    /// </summary>
    public static IServiceCollection AddLectureHubCors(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(CrossOriginOptions.Section).Get<CrossOriginOptions>() ?? new CrossOriginOptions();
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        var invalid = options.AllowedOrigins.Where(o => !Uri.TryCreate(o, UriKind.Absolute, out var uri) || uri.AbsolutePath != "/" || o.EndsWith('/')).ToList();
        if (invalid.Count > 0)
        {
            throw new InvalidOperationException($"Cors:AllowedOrigins must be origins like https://app.example.com, without a path: {string.Join(", ", invalid)}");
        }

        return services.AddCors(cors => cors.AddDefaultPolicy(policy =>
        {
            if (options.AllowedOrigins.Length > 0)
            {
                policy.WithOrigins(options.AllowedOrigins).AllowAnyMethod().AllowAnyHeader().AllowCredentials()
                    .WithExposedHeaders("Location", "Retry-After", "Content-Range", IdempotencyFilter.ReplayedHeader)
                    .SetPreflightMaxAge(TimeSpan.FromSeconds(options.PreflightMaxAgeSeconds));
            }
        }));
    }
}
