using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LectureHub.WebApi.Endpoints;

internal static class HealthEndpoints
{
    public static void MapHealthEndpoints(this WebApplication app)
    {
        // Liveness: the process serves requests. No dependency is checked, so a database outage does not restart pods.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).ExcludeFromDescription();

        // Readiness: primary, standby and Redis. A missing or lagging standby is Degraded (still 200: reads fall back to the
        // primary), and so is Redis unreachable (reads skip the cache, sign-ins are throttled per instance). Public, so it says the verdict, why it is not Healthy and the standby's lag; the per-check report, the
        // build and the environment are for Admins.
        var ready = new HealthCheckOptions { Predicate = check => check.Tags.Contains(LectureHub.Infrastructure.Health.HealthServices.ReadyTag) };
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = ready.Predicate,
            ResponseWriter = WriteVerdict,
        }).ExcludeFromDescription();
        app.MapHealthChecks("/health/details", new HealthCheckOptions { Predicate = ready.Predicate, ResponseWriter = WriteReport })
            .RequireAuthorization(Infrastructure.AuthSetup.Admin).ExcludeFromDescription();
    }

    private static Task WriteVerdict(HttpContext context, HealthReport report) => context.Response.WriteAsJsonAsync(new
    {
        status = report.Status.ToString(),
        reason = report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).Select(e => $"{e.Key}: {e.Value.Description}").FirstOrDefault(),
        standbyLagSeconds = report.Entries.TryGetValue("standby", out var standby) && standby.Data.TryGetValue("lagSeconds", out var lag) ? lag : null,
    }, OmitNulls, context.RequestAborted);

    private static readonly JsonSerializerOptions OmitNulls = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    private static Task WriteReport(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            totalMs = report.TotalDuration.TotalMilliseconds,
            build = new
            {
                // Load reports stamp this, so a result from a Debug build cannot pass for a real one.
                configuration = typeof(HealthEndpoints).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration,
                version = typeof(HealthEndpoints).Assembly.GetName().Version?.ToString(),
                environment = context.RequestServices.GetRequiredService<IHostEnvironment>().EnvironmentName,
                framework = RuntimeInformation.FrameworkDescription,
            },
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                ms = e.Value.Duration.TotalMilliseconds,
                data = e.Value.Data,
            }),
        }, cancellationToken: context.RequestAborted);
    }
}
