using Dapper;
using LectureHub.Application.Abstractions;
using LectureHub.Infrastructure.Caching;
using LectureHub.Infrastructure.CloudFront;
using LectureHub.Infrastructure.Email;
using LectureHub.Infrastructure.Health;
using LectureHub.Infrastructure.Identity;
using LectureHub.Infrastructure.Media;
using LectureHub.Infrastructure.Outbox;
using LectureHub.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LectureHub.Infrastructure;

public static class DependencyInjection
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        SqlMapper.AddTypeHandler(new DateTimeOffsetHandler());
        SqlMapper.AddTypeHandler(new StringArrayHandler());
        services.AddSingleton(TimeProvider.System);

        AddOptions<ReadYourWritesOptions>(services, configuration, ReadYourWritesOptions.Section);
        AddOptions<LoginThrottleOptions>(services, configuration, LoginThrottleOptions.Section);
        AddOptions<OutboxOptions>(services, configuration, OutboxOptions.Section);
        AddOptions<CacheOptions>(services, configuration, CacheOptions.Section);
        AddOptions<EmailOptions>(services, configuration, EmailOptions.Section);
        AddOptions<MediaOptions>(services, configuration, MediaOptions.Section).PostConfigure(media =>
        {
            if (string.IsNullOrEmpty(media.Root))
            {
                media.Root = Path.Combine(DataDirectory(configuration, environment), "media");
            }
        });
        services.AddMemoryCache();
        AddOptions<JwtOptions>(services, configuration, JwtOptions.Section).PostConfigure(jwt =>
        {
            if (string.IsNullOrEmpty(jwt.SigningKey) && environment.IsDevelopment())
            {
                jwt.SigningKey = DevelopmentKeys.LoadOrCreateBase64(DataDirectory(configuration, environment), "keys/jwt-signing.key", 32);
            }
        });

        AddOptions<CloudFrontOptions>(services, configuration, CloudFrontOptions.Section).PostConfigure(cdn =>
        {
            if (string.IsNullOrEmpty(cdn.PrivateKeyPem) && environment.IsDevelopment())
            {
                cdn.KeyPairId = string.IsNullOrEmpty(cdn.KeyPairId) ? "LOCALDEV" : cdn.KeyPairId;
                cdn.PrivateKeyPem = DevelopmentKeys.LoadOrCreateRsaPem(DataDirectory(configuration, environment), "keys/cloudfront-private.pem", 2048);
            }
        });
        services.AddSingleton(sp => CloudFrontKeys.Create(sp.GetRequiredService<IOptions<CloudFrontOptions>>().Value));
        services.AddSingleton(sp => sp.GetRequiredService<CloudFrontKeys>().Signer);
        services.AddSingleton(sp => sp.GetRequiredService<CloudFrontKeys>().Verifier);
        services.AddSingleton<Application.Media.IPlaybackSigner, PlaybackSigner>();

        services.AddSingleton(_ => DataSources.Create(
            Required(configuration, "ConnectionStrings:Primary"),
            Required(configuration, "ConnectionStrings:Replica")));
        services.AddDbContextPool<AppDbContext>((sp, options) => options.UseLectureHubNpgsql(sp.GetRequiredService<DataSources>().Primary));

        services.AddSingleton<IConnectionMultiplexer>(_ =>
        {
            var redis = ConfigurationOptions.Parse(Required(configuration, "ConnectionStrings:Redis"));
            redis.AbortOnConnectFail = false;
            return ConnectionMultiplexer.Connect(redis);
        });
        services.AddSingleton(new RedisKeys(configuration["Redis:KeyPrefix"] ?? "lh:"));

        services.AddScoped<ReadYourWrites>();
        services.AddScoped<IReadConsistency>(sp => sp.GetRequiredService<ReadYourWrites>());
        services.AddScoped<IReadDb, ReadDb>();
        services.AddScoped<IUnitOfWork, UnitOfWork>();
        services.AddScoped(typeof(IRepository<>), typeof(Repository<>));
        services.AddSingleton<CacheFills>();
        services.AddScoped<ICache, RedisCache>();
        services.AddSingleton<ILocalCache, LocalCache>();
        services.AddScoped<Application.Courses.ICourseStats, CourseStats>();
        services.AddScoped<Application.Cohorts.ICohortSeats, CohortSeats>();
        services.AddSingleton<IIdempotencyStore, Idempotency.IdempotencyStore>();
        services.AddSingleton<Idempotency.IdempotencyKeySweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<Idempotency.IdempotencyKeySweeper>());
        services.AddScoped<IOutboxAdmin, Outbox.OutboxAdmin>();
        services.AddSingleton<Application.Courses.IThumbnailStore, LocalThumbnailStore>();
        if (configuration["Media:VideoStorage"] == "S3")
        {
            AddOptions<S3Options>(services, configuration, S3Options.Section);
            services.AddSingleton(sp => S3VideoStorage.CreateClient(sp.GetRequiredService<IOptions<S3Options>>().Value));
            services.AddSingleton<Application.Media.IVideoStorage, S3VideoStorage>();
        }
        else
        {
            services.AddSingleton<Application.Media.IVideoStorage, LocalVideoStorage>();
        }

        services.AddSingleton<Application.Media.IMediaProbe, FfprobeMediaProbe>();
        services.AddSingleton<Application.Media.IHlsPackager, HlsPackager>();
        AddOptions<TranscodeOptions>(services, configuration, TranscodeOptions.Section);
        if (configuration.GetValue("Transcoding:Enabled", true))
        {
            services.AddHostedService<TranscodeWorker>();
        }
        AddOptions<Learning.WatchProgressOptions>(services, configuration, Learning.WatchProgressOptions.Section).PostConfigure(watch =>
        {
            if (string.IsNullOrEmpty(watch.SessionKey) && environment.IsDevelopment())
            {
                watch.SessionKey = DevelopmentKeys.LoadOrCreateBase64(DataDirectory(configuration, environment), "keys/watch-session.key", 32);
            }
        });
        services.AddSingleton<Application.Learning.IWatchSessions, Learning.RedisWatchSessions>();
        services.AddScoped<Application.Learning.IWatchProgressStore, WatchProgressStore>();
        services.AddSingleton<Learning.WatchBuffer>();
        services.AddSingleton<Learning.WatchProgressFlusher>();
        if (configuration.GetValue("WatchProgress:FlushEnabled", true))
        {
            services.AddHostedService(sp => sp.GetRequiredService<Learning.WatchProgressFlusher>());
        }

        AddOptions<Payments.PaymentsOptions>(services, configuration, Payments.PaymentsOptions.Section).PostConfigure(payments =>
        {
            if (!payments.WebhookSecrets.ContainsKey(Payments.PaymentsOptions.LocalProvider) && environment.IsDevelopment())
            {
                payments.WebhookSecrets[Payments.PaymentsOptions.LocalProvider] = "whsec_" +
                    DevelopmentKeys.LoadOrCreateBase64(DataDirectory(configuration, environment), "keys/pg-webhook-secret.key", 32);
            }
        });
        services.AddSingleton<Application.Payments.IWebhookVerifier, Payments.StandardWebhookVerifier>();
        services.AddSingleton<Application.Payments.IWebhookInbox, WebhookInbox>();
        AddOptions<Payments.PaymentGatewayOptions>(services, configuration, Payments.PaymentGatewayOptions.Section).PostConfigure(gateway =>
        {
            if (string.IsNullOrEmpty(gateway.SecretKey) && environment.IsDevelopment())
            {
                gateway.SecretKey = "test_sk_lecturehub_local"; // the local PG simulator's default (tools/PgSimulator)
            }
        });
        services.AddSingleton<Payments.PaymentGatewayPipeline>();
        services.AddSingleton<Payments.PaymentWebhookProcessor>();
        AddOptions<Payments.ReconciliationOptions>(services, configuration, Payments.ReconciliationOptions.Section);
        services.AddSingleton<Payments.PaymentReconciler>();
        if (configuration.GetValue("Payments:Reconciliation:Enabled", true))
        {
            services.AddHostedService(sp => sp.GetRequiredService<Payments.PaymentReconciler>());
        }

        if (configuration.GetValue("Payments:ProcessWebhooks", true))
        {
            services.AddHostedService(sp => sp.GetRequiredService<Payments.PaymentWebhookProcessor>());
        }

        services.AddHttpClient<Application.Payments.IPaymentGateway, Payments.PaymentGatewayClient>();
        services.AddScoped<Application.Payments.ICouponRedemptions, CouponRedemptions>();
        AddOptions<Payments.SettlementOptions>(services, configuration, Payments.SettlementOptions.Section);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<Payments.SettlementOptions>>().Value.ToTerms());

        AddOptions<PasswordHashingOptions>(services, configuration, PasswordHashingOptions.Section)
            .Validate(o => o.IsAllowed(environment.IsDevelopment()), $"PasswordHashing:Iterations below {PasswordHashingOptions.ProductionMinimum} is for Development only.");
        services.AddSingleton<IPasswordHasher, PasswordHasher>();
        services.AddSingleton<ITokenService, JwtTokenService>();
        services.AddSingleton<ILoginThrottle, RedisLoginThrottle>();
        services.AddSingleton<IEmailSender, SmtpEmailSender>();

        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<WebhookInboxSignal>();
        if (configuration.GetValue("Outbox:Enabled", true))
        {
            services.AddHostedService<OutboxRelay>();
        }

        services.AddHealthChecks()
            .Add(new HealthCheckRegistration("primary", sp => new PostgresHealthCheck(sp.GetRequiredService<DataSources>().Primary, expectStandby: false),
                HealthStatus.Unhealthy, [ReadyTag], TimeSpan.FromSeconds(3)))
            .Add(new HealthCheckRegistration("standby", sp => new PostgresHealthCheck(sp.GetRequiredService<DataSources>().StandbyOnly, expectStandby: true),
                HealthStatus.Degraded, [ReadyTag], TimeSpan.FromSeconds(3)))
            .Add(new HealthCheckRegistration("redis", sp => new RedisHealthCheck(sp.GetRequiredService<IConnectionMultiplexer>()),
                HealthStatus.Unhealthy, [ReadyTag], TimeSpan.FromSeconds(3)));
        return services;
    }

    /// <summary>Where development keys live: DataDirectory if set, else .data at the repository root.</summary>
    public static string DataDirectory(IConfiguration configuration, IHostEnvironment environment) =>
        configuration["DataDirectory"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.GetFullPath(Path.Combine(environment.ContentRootPath, "..", "..", ".data"));

    private static OptionsBuilder<T> AddOptions<T>(IServiceCollection services, IConfiguration configuration, string section)
        where T : class =>
        services.AddOptions<T>().Bind(configuration.GetSection(section)).ValidateDataAnnotations().ValidateOnStart();

    private static string Required(IConfiguration configuration, string key) =>
        configuration[key] is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"Configuration '{key}' is required (environment variable {key.Replace(":", "__", StringComparison.Ordinal)}).");
}
