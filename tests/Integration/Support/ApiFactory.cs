using LectureHub.Application.Abstractions;
using LectureHub.Infrastructure.Audit;
using LectureHub.Infrastructure.Caching;
using LectureHub.Infrastructure.Persistence;
using LectureHub.Infrastructure.Terms;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Respawn;
using StackExchange.Redis;

namespace LectureHub.IntegrationTests.Support;

/// <summary>
/// The real API in-process, against the real primary, standby and Redis that scripts/dev-services.sh started.
/// scripts/test.sh exports the connection strings for the test database; the defaults here match it, so
/// `dotnet test` works on its own once the services are up and migrated.
/// </summary>
public class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private Respawner? _respawner;
    private ConnectionMultiplexer? _redis;

    public static string PrimaryConnectionString { get; } = Env("ConnectionStrings__Primary",
        $"Host=127.0.0.1;Port={Env("LH_PG_PRIMARY_PORT", "55432")};Database=lecturehub_test;Username=lecturehub;Password=lecturehub");

    public static string ReplicaConnectionString { get; } = Env("ConnectionStrings__Replica",
        $"Host=127.0.0.1:{Env("LH_PG_STANDBY_PORT", "55433")},127.0.0.1:{Env("LH_PG_PRIMARY_PORT", "55432")};Database=lecturehub_test;Username=lecturehub;Password=lecturehub");

    public static string StandbyConnectionString { get; } =
        new NpgsqlConnectionStringBuilder(PrimaryConnectionString) { Host = "127.0.0.1", Port = int.Parse(Env("LH_PG_STANDBY_PORT", "55433"), System.Globalization.CultureInfo.InvariantCulture) }.ConnectionString;

    public static string RedisConnectionString { get; } = Env("ConnectionStrings__Redis", $"127.0.0.1:{Env("LH_REDIS_PORT", "56379")},defaultDatabase=1");

    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>The API's TimeProvider; a test that depends on the date pins it (and the next test starts unpinned).</summary>
    public MovableClock Clock { get; } = new();

    /// <summary>What the API logs, once a test enables it.</summary>
    public LogCapture Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("ConnectionStrings:Primary", PrimaryConnectionString);
        builder.UseSetting("ConnectionStrings:Replica", ReplicaConnectionString);
        builder.UseSetting("ConnectionStrings:Redis", RedisConnectionString);
        builder.UseSetting("RateLimiting:AuthPerIpPerMinute", "100000");
        // Every test calls from one address; the limits are tested on their own (RateLimitTests).
        foreach (var limit in new[] { "ReadsPerMinute", "WritesPerMinute", "UploadsPerMinute" })
        {
            builder.UseSetting($"RateLimiting:{limit}", "10000000");
        }

        // /metrics on a port of its own, reached through TestServer by that port (LoopbackPeer); tests sample the gauges themselves.
        builder.UseSetting("Observability:MetricsUrl", $"http://127.0.0.1:{Metrics.Port}");
        builder.UseSetting("Observability:SampleEnabled", "false");
        // Tests sign up dozens of users at once; the hashing bulkhead's refusals are tested on their own (SignInLoadTests).
        builder.UseSetting("PasswordHashing:QueueLimit", "10000");
        builder.UseSetting("Outbox:PollIntervalSeconds", "0.2");
        builder.UseSetting("Email:Port", Env("LH_SMTP_PORT", "51025"));
        // Tests drive the transcode worker themselves (TranscodeTests), so no encode runs across a database reset.
        builder.UseSetting("Transcoding:Enabled", "false");
        // Likewise the heartbeat flush (WatchProgressTests flush when they mean to).
        builder.UseSetting("WatchProgress:FlushEnabled", "false");
        builder.UseSetting("Payments:ProcessWebhooks", "false");
        // Community tests flush views and refresh hot scores when they mean to; write limits are tested on their own.
        builder.UseSetting("Community:ViewFlushEnabled", "false");
        builder.UseSetting("Community:HotRefreshEnabled", "false");
        builder.UseSetting("Dashboard:RollupEnabled", "false");
        builder.UseSetting("Live:RemindersEnabled", "false");
        foreach (var quota in new[] { "PostsPerHour", "CommentsPerHour", "ReportsPerHour", "QuestionsPerHour" })
        {
            builder.UseSetting($"WriteQuotas:{quota}", "100000");
        }

        builder.UseSetting("Payments:Reconciliation:Enabled", "false");
        builder.UseSetting("Cohorts:ExpiryEnabled", "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock).AddSingleton<IStartupFilter, LoopbackPeer>());
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).AddFilter<LogCapture>(null, LogLevel.Information));
    }

    public async Task InitializeAsync()
    {
        await using var connection = new NpgsqlConnection(PrimaryConnectionString);
        await connection.OpenAsync();
        _respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ["public"],
            // The audit log refuses DELETE (append-only); ResetAsync truncates it instead. The terms keep the first
            // versions `migrate` published, and ResetAsync removes the later ones.
            TablesToIgnore = [NpgsqlConfiguration.MigrationsHistoryTable, AuditEntryConfiguration.Table, TermsDocumentConfiguration.Table],
        });
    }

    /// <summary>Empties every table, the test Redis database and the mail sink's inbox; each test starts from nothing.</summary>
    public async Task ResetAsync()
    {
        Clock.At = null;
        await using (var connection = new NpgsqlConnection(PrimaryConnectionString))
        {
            await connection.OpenAsync();
            await _respawner!.ResetAsync(connection);
            await using var truncate = new NpgsqlCommand(
                $"TRUNCATE {AuditEntryConfiguration.Table}; DELETE FROM {TermsDocumentConfiguration.Table} WHERE version > 1", connection);
            await truncate.ExecuteNonQueryAsync();
        }

        await Services.GetRequiredService<ITermsCatalog>().ReloadAsync(CancellationToken.None);

        var redis = await RedisAsync();
        await redis.GetServers()[0].FlushDatabaseAsync(redis.GetDatabase().Database);
        await Mailbox.ClearAsync();
    }

    /// <summary>Forgets who wrote recently, as if the read-your-writes window had passed.</summary>
    public async Task ResetReadYourWritesAsync()
    {
        var redis = await RedisAsync();
        var keys = redis.GetServers()[0].Keys(redis.GetDatabase().Database, "lh:ryw:*").ToArray();
        await redis.GetDatabase().KeyDeleteAsync(keys);
    }

    public async Task<bool> RedisKeyExistsAsync(string key) => await (await RedisAsync()).GetDatabase().KeyExistsAsync("lh:" + key);

    public async Task<TimeSpan?> RedisKeyTtlAsync(string key) => await (await RedisAsync()).GetDatabase().KeyTimeToLiveAsync("lh:" + key);

    /// <summary>Whether the read-model cache holds an entry under this cache key.</summary>
    public Task<bool> CacheEntryExistsAsync(string key) => RedisKeyExistsAsync(RedisCache.StorageKey(key));

    private async Task<ConnectionMultiplexer> RedisAsync()
    {
        if (_redis is null)
        {
            var options = ConfigurationOptions.Parse(RedisConnectionString);
            options.AllowAdmin = true;
            _redis = await ConnectionMultiplexer.ConnectAsync(options);
        }

        return _redis;
    }

    public T Service<T>()
        where T : notnull => Services.GetRequiredService<T>();

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }

        await DisposeAsync();
    }

    private static string Env(string name, string fallback) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : fallback;
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFactory>
{
    // Every integration test shares the one database and standby, so they run one at a time.
    public const string Name = "api";
}

/// <summary>Base for tests in the shared collection: a fresh database before each test.</summary>
[Collection(ApiCollection.Name)]
public abstract class ApiTest(ApiFactory factory) : IAsyncLifetime
{
    protected ApiFactory Factory { get; } = factory;

    protected HttpClient Client { get; } = factory.CreateClient();

    public Task InitializeAsync() => Factory.ResetAsync();

    public Task DisposeAsync()
    {
        Client.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>
/// The test server has no socket, so no peer address; Kestrel behind a local proxy would see loopback. Per-address
/// limits and the trusted-proxy rule then work as they do on a real host.
/// </summary>
internal sealed class LoopbackPeer : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress ??= System.Net.IPAddress.Loopback;
            // TestServer has no sockets; the port a client addressed is the one Kestrel would have accepted it on.
            if (context.Connection.LocalPort == 0)
            {
                context.Connection.LocalPort = context.Request.Host.Port ?? 80;
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}
