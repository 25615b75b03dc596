using System.ComponentModel.DataAnnotations;
using System.Threading.RateLimiting;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Infrastructure.Caching;

namespace LectureHub.WebApi.Infrastructure;

/// <summary>Requests per minute per caller (the signed-in user, else the address) for each endpoint class.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimiting";

    /// <summary>Reads, per instance: they protect each instance's capacity, and a Redis round trip would double a cached read's cost.</summary>
    [Range(1, 10_000_000)]
    public int ReadsPerMinute { get; set; } = 1200;

    /// <summary>Writes, shared by all instances (Redis).</summary>
    [Range(1, 10_000_000)]
    public int WritesPerMinute { get; set; } = 300;

    /// <summary>Uploads (video chunks, thumbnails, subtitles), shared by all instances (Redis).</summary>
    [Range(1, 10_000_000)]
    public int UploadsPerMinute { get; set; } = 120;

    /// <summary>Register and log in, per address whoever is signed in, shared by all instances (Redis).</summary>
    [Range(1, 10_000_000)]
    public int AuthPerIpPerMinute { get; set; } = 30;
}

/// <summary>
/// The API-wide rate limits, by endpoint class (<see cref="EndpointClasses"/>): a refusal is the 429 problem
/// RATE_LIMITED with Retry-After, from the exception handler like every other problem. Webhooks and non-API paths are
/// not limited. Shared limits fail open when Redis is down (logged); see docs/observability.md.
/// </summary>
internal sealed class ApiRateLimits : IDisposable
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private readonly RateLimitOptions _options;
    private readonly RedisFixedWindow _shared;
    private readonly PartitionedRateLimiter<string> _reads;

    public ApiRateLimits(RateLimitOptions options, RedisFixedWindow shared)
    {
        (_options, _shared) = (options, shared);
        _reads = PartitionedRateLimiter.Create<string, string>(caller => RateLimitPartition.GetFixedWindowLimiter(caller, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.ReadsPerMinute, Window = Minute, QueueLimit = 0, AutoReplenishment = true,
        }));
    }

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var endpointClass = EndpointClasses.Of(context);
        if (endpointClass is not (EndpointClass.Webhook or EndpointClass.System))
        {
            await TakeAsync(endpointClass, context);
        }

        await next(context);
    }

    private async Task TakeAsync(EndpointClass endpointClass, HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var caller = endpointClass != EndpointClass.Password && context.RequestServices.GetRequiredService<ICurrentUser>().UserId is { } user
            ? $"u:{user:N}"
            : $"ip:{address}";
        if (endpointClass == EndpointClass.Read)
        {
            using var lease = _reads.AttemptAcquire(caller);
            if (!lease.IsAcquired)
            {
                throw Limited(endpointClass, _options.ReadsPerMinute,
                    lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1));
            }

            return;
        }

        var limit = endpointClass switch
        {
            EndpointClass.Upload => _options.UploadsPerMinute,
            EndpointClass.Password => _options.AuthPerIpPerMinute,
            _ => _options.WritesPerMinute,
        };
        if (await _shared.TakeAsync($"rl:{endpointClass.Label()}:{caller}", Minute) is { } taken && taken.Used > limit)
        {
            throw Limited(endpointClass, limit, taken.EndsIn);
        }
    }

    private static TooManyRequestsException Limited(EndpointClass endpointClass, int limit, TimeSpan retryAfter) =>
        new("RATE_LIMITED", $"At most {limit} {endpointClass.Label()} requests a minute from one caller. Retry after the time in Retry-After.", retryAfter);

    public void Dispose() => _reads.Dispose();
}

internal static class RateLimitSetup
{
    public static IServiceCollection AddLectureHubRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        return services.AddSingleton(sp => new ApiRateLimits(options, sp.GetRequiredService<RedisFixedWindow>()));
    }

    public static void UseLectureHubRateLimits(this WebApplication app)
    {
        var limits = app.Services.GetRequiredService<ApiRateLimits>();
        app.Use((context, next) => limits.InvokeAsync(context, next));
    }
}
