using LectureHub.Application.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace LectureHub.Infrastructure.Caching;

internal static class CachingServices
{
    /// <summary>Redis, the two-level read-model cache and the read-your-writes markers.</summary>
    public static void AddCaching(this Registration r)
    {
        r.Options<ReadYourWritesOptions>(ReadYourWritesOptions.Section);
        r.Options<CacheOptions>(CacheOptions.Section);
        r.Services.AddMemoryCache();
        r.Services.AddSingleton<IConnectionMultiplexer>(_ =>
        {
            var redis = ConfigurationOptions.Parse(r.Required("ConnectionStrings:Redis"));
            redis.AbortOnConnectFail = false;
            // While the connection is down, a command fails at once instead of queueing until its timeout: every caller
            // degrades (reads from the database, a local throttle) at its normal latency, and the multiplexer keeps
            // reconnecting in the background, so Redis coming back needs no restart (docs/reliability.md).
            redis.BacklogPolicy = BacklogPolicy.FailFast;
            return ConnectionMultiplexer.Connect(redis);
        });
        r.Services.AddSingleton(new RedisKeys(r.Configuration["Redis:KeyPrefix"] ?? "lh:"));
        r.Services.AddScoped<ReadYourWrites>();
        r.Services.AddScoped<IReadConsistency>(sp => sp.GetRequiredService<ReadYourWrites>());
        r.Services.AddSingleton<CacheFills>();
        r.Services.AddScoped<ICache, RedisCache>();
        r.Services.AddSingleton<ILocalCache, LocalCache>();
        r.Options<WriteQuotaOptions>(WriteQuotaOptions.Section);
        r.Services.AddSingleton<RedisFixedWindow>();
        r.Services.AddSingleton<IWriteQuota, RedisWriteQuota>();
    }
}
