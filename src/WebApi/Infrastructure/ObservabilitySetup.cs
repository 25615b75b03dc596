using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using LectureHub.Application.Observability;
using LectureHub.Infrastructure.Observability;
using Microsoft.AspNetCore.Http.Features;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace LectureHub.WebApi.Infrastructure;

/// <summary>
/// OpenTelemetry: metrics always (unless Observability:Enabled is false), served to Prometheus on their own listener
/// when Observability:MetricsUrl is set and sent over OTLP when the standard OTEL_EXPORTER_OTLP_ENDPOINT is; traces
/// only when OTLP is configured, since nothing else would read them. See docs/observability.md.
/// </summary>
internal static class ObservabilitySetup
{
    public const string ServiceName = "lecturehub-api";

    /// <summary>Requests that are not API traffic: probes and scrapes every few seconds would drown the traces.</summary>
    private static bool Traced(HttpContext context) =>
        !context.Request.Path.StartsWithSegments("/health") && !context.Request.Path.StartsWithSegments("/metrics");

    public static WebApplicationBuilder AddLectureHubObservability(this WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment())
        {
            // One JSON object a line, with the scopes (TraceId, SpanId, the request's path and id); Development stays readable.
            builder.Logging.AddJsonConsole(json =>
            {
                json.IncludeScopes = true;
                json.UseUtcTimestamp = true;
                json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }

        var options = builder.Configuration.GetSection(ObservabilityOptions.Section).Get<ObservabilityOptions>() ?? new ObservabilityOptions();
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        if (!options.Enabled)
        {
            return builder;
        }

        var otlp = builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] is { Length: > 0 };
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName, serviceInstanceId: Environment.MachineName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Diagnostics", "Npgsql")
                    .AddHttpClientInstrumentation().AddRuntimeInstrumentation().AddProcessInstrumentation()
                    .AddView(Measured);
                ((IDeferredMeterProviderBuilder)metrics).Configure((services, builder) => builder.AddMeter(services.GetRequiredService<LectureHubMetrics>().Meter.Name));
                if (options.MetricsPort > 0)
                {
                    // Scrapes come every 15 s or so; a cached answer (the default, 300 ms) would only hide changes from a second scraper.
                    metrics.AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0);
                }
            });
        if (otlp)
        {
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(aspNet => aspNet.Filter = Traced)
                .AddHttpClientInstrumentation(http => http.EnrichWithHttpRequestMessage = (activity, request) =>
                    activity.SetTag("url.full", RedactedUrl(request.RequestUri)))
                .AddNpgsql()
                .AddRedisInstrumentation()
                .AddSource(LectureHubMetrics.Name));
            telemetry.UseOtlpExporter();
        }

        if (options.MetricsPort > 0)
        {
            // A listener of its own, next to the API's: --urls / ASPNETCORE_URLS / ASPNETCORE_HTTP_PORTS, or Kestrel's default.
            builder.WebHost.UseUrls([.. ApiUrls(builder.Configuration), options.MetricsUrl!]);
        }

        return builder;
    }

    /// <summary>
    /// Instrumentation must not cost what it measures (docs/benchmarks.md): per request, only the duration histogram,
    /// with the labels the rules and the dashboard group by; per SQL command, nothing (Npgsql's pool gauges are read at
    /// collection, free). ASP.NET Core's routing, rate-limiting and Kestrel meters are not subscribed at all.
    /// </summary>
    private static MetricStreamConfiguration? Measured(Instrument instrument) => (instrument.Meter.Name, instrument.Name) switch
    {
        ("Microsoft.AspNetCore.Hosting", "http.server.request.duration") => new MetricStreamConfiguration
        {
            TagKeys = ["http.request.method", "http.route", "http.response.status_code", "error.type", "lecturehub.endpoint_class"],
        },
        ("Microsoft.AspNetCore.Hosting", _) => MetricStreamConfiguration.Drop,
        ("Npgsql", var name) when !name.StartsWith("db.client.connection.", StringComparison.Ordinal) => MetricStreamConfiguration.Drop,
        _ => null,
    };

    /// <summary>/metrics on the metrics listener only; every request's endpoint class on its HTTP metrics, and its log line.</summary>
    public static void UseLectureHubObservability(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ObservabilityOptions>>().Value;
        if (options.Enabled)
        {
            // The provider is built here rather than when the host starts, so it listens before the counters start at zero.
            _ = app.Services.GetRequiredService<MeterProvider>();
            app.Services.GetRequiredService<LectureHubMetrics>().StartAtZero();
        }

        // First, so every request carries its class, scrapes and probes ("system") included, and the rules can leave them out.
        var requests = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(RequestLog);
        app.Use(async (context, next) =>
        {
            var endpointClass = EndpointClasses.Of(context);
            if (context.Features.Get<IHttpMetricsTagsFeature>() is { } tags)
            {
                tags.Tags.Add(new("lecturehub.endpoint_class", endpointClass.Label()));
            }

            // Probes and scrapes every few seconds would drown the log.
            if (!requests.IsEnabled(LogLevel.Information)
                || endpointClass == EndpointClass.System && (context.Request.Path.StartsWithSegments("/health") || context.Request.Path.StartsWithSegments("/metrics")))
            {
                await next(context);
                return;
            }

            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                // One line per request, in the request's scope (trace and span ids); never its query, body or headers.
                requests.LogInformation("{Method} {Route} answered {Status} in {ElapsedMs:0.0} ms for {UserId}",
                    context.Request.Method, (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)", context.Response.StatusCode,
                    Stopwatch.GetElapsedTime(started).TotalMilliseconds, context.User.FindFirst("sub")?.Value ?? "anonymous");
            }
        });

        if (options is { Enabled: true, MetricsPort: > 0 })
        {
            var port = options.MetricsPort;
            app.UseOpenTelemetryPrometheusScrapingEndpoint(context => context.Connection.LocalPort == port && context.Request.Path == "/metrics");
            app.Use((context, next) =>
            {
                // The metrics listener serves nothing else.
                if (context.Connection.LocalPort != port)
                {
                    return next(context);
                }

                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            });
        }
    }

    /// <summary>The category of the per-request log line; set it to Warning to silence it (load runs do).</summary>
    public const string RequestLog = "LectureHub.Requests";

    /// <summary>A URL for a span, without its query and with key-like path segments (payment keys, ids) masked.</summary>
    internal static string? RedactedUrl(Uri? uri) => uri is null ? null
        : $"{uri.Scheme}://{uri.Authority}" + string.Join('/', uri.AbsolutePath.Split('/').Select(segment => segment.Length >= 16 && segment.Any(char.IsDigit) ? "{key}" : segment));

    private static IEnumerable<string> ApiUrls(ConfigurationManager configuration) =>
        configuration["urls"] is { Length: > 0 } urls ? urls.Split(';', StringSplitOptions.RemoveEmptyEntries)
        : configuration["http_ports"] is { Length: > 0 } ports ? ports.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => $"http://*:{p}")
        : ["http://localhost:5000"];
}
