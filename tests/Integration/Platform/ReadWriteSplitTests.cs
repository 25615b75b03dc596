using System.Net;
using LectureHub.Application.Abstractions;
using LectureHub.Infrastructure.Persistence;
using LectureHub.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace LectureHub.IntegrationTests.Platform;

public sealed class ReadWriteSplitTests(ApiFactory factory) : ApiTest(factory)
{
    private const string InRecovery = "SELECT pg_is_in_recovery()";

    [Fact]
    public async Task Queries_run_on_a_standby()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var readDb = scope.ServiceProvider.GetRequiredService<IReadDb>();

        Assert.True(await readDb.QuerySingleOrDefaultAsync<bool>(InRecovery, null, CancellationToken.None));
        Assert.False(await readDb.Primary.QuerySingleOrDefaultAsync<bool>(InRecovery, null, CancellationToken.None));
    }

    [Fact]
    public async Task With_the_primary_unreachable_cache_fills_and_own_writes_read_the_standby_and_exact_reads_fail()
    {
        // Port 1 refuses connections: a primary that is down (scripts/chaos.sh primary stops the real one under load).
        await using var sources = DataSources.Create("Host=127.0.0.1;Port=1;Username=nobody;Password=none;Database=none", ApiFactory.StandbyConnectionString);
        await using var scope = Factory.Services.CreateAsyncScope();
        var readDb = new ReadDb(sources, scope.ServiceProvider.GetRequiredService<IReadConsistency>(), NullLogger<ReadDb>.Instance);

        Assert.True(await readDb.CacheFill.QuerySingleOrDefaultAsync<bool>(InRecovery, null, CancellationToken.None));
        await Assert.ThrowsAsync<NpgsqlException>(() => readDb.Primary.QuerySingleOrDefaultAsync<bool>(InRecovery, null, CancellationToken.None));
        // A caller who just wrote is sent to the primary; with it down, the standby answers rather than a 503.
        var writer = new ReadDb(sources, new JustWrote(), NullLogger<ReadDb>.Instance);
        Assert.True(await writer.QuerySingleOrDefaultAsync<bool>(InRecovery, null, CancellationToken.None));
    }

    /// <summary>A caller inside the read-your-writes window.</summary>
    private sealed class JustWrote : IReadConsistency
    {
        public ValueTask<bool> MustReadOwnWritesAsync(CancellationToken cancellationToken) => ValueTask.FromResult(true);

        public void NoteWriteBy(Guid userId)
        {
        }
    }

    [Fact]
    public async Task Writes_go_to_the_primary()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        Assert.False(await db.Database.SqlQueryRaw<bool>($"{InRecovery} AS \"Value\"").SingleAsync());
        var me = await Client.RegisterAsync("writer@example.com");
        Assert.Equal(1L, await Api.ScalarAsync<long>(ApiFactory.PrimaryConnectionString, "SELECT count(*) FROM users WHERE id = @id", ("id", me.Id)));
    }

    [Fact]
    public async Task A_user_reads_their_own_write_even_while_the_standby_is_behind()
    {
        var tokens = await Client.SignUpAsync("fresh@example.com");
        await Api.EventuallyAsync(async () => await StandbyDisplayNameAsync("fresh@example.com") == "테스트 사용자", "standby has the new user");

        await Api.ScalarAsync<object>(ApiFactory.StandbyConnectionString, "SELECT pg_wal_replay_pause()");
        try
        {
            var patched = await Client.SendAsync(HttpMethod.Patch, "/api/v1/me", tokens, new { displayName = "바뀐 이름" });
            Assert.Equal(HttpStatusCode.OK, patched.StatusCode);

            var me = await (await Client.SendAsync(HttpMethod.Get, "/api/v1/me", tokens)).ReadAsync<Me>();

            Assert.Equal("바뀐 이름", me.DisplayName);
            // The standby really is stale, so the read above must have gone to the primary.
            Assert.Equal("테스트 사용자", await StandbyDisplayNameAsync("fresh@example.com"));
        }
        finally
        {
            await Api.ScalarAsync<object>(ApiFactory.StandbyConnectionString, "SELECT pg_wal_replay_resume()");
        }
    }

    [Fact]
    public async Task Only_the_writer_is_routed_to_the_primary()
    {
        var writer = await Client.RegisterAsync("w@example.com");
        var reader = await Client.RegisterAsync("r@example.com");
        var writerTokens = await Client.LoginAsync("w@example.com");
        await Factory.ResetReadYourWritesAsync();

        await Client.SendAsync(HttpMethod.Patch, "/api/v1/me", writerTokens, new { displayName = "writer" });

        Assert.True(await Factory.RedisKeyExistsAsync($"ryw:{writer.Id:N}"));
        Assert.False(await Factory.RedisKeyExistsAsync($"ryw:{reader.Id:N}"));
    }

    [Fact]
    public async Task Queries_still_succeed_with_the_standby_stopped()
    {
        var tokens = await Client.SignUpAsync("standby-down@example.com");
        await Factory.ResetReadYourWritesAsync();
        await Api.EventuallyAsync(async () => await StandbyDisplayNameAsync("standby-down@example.com") is not null, "standby has the user");
        // Warm the pool so it holds connections to the standby that are about to die.
        Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(HttpMethod.Get, "/api/v1/me", tokens)).StatusCode);

        DevServices("standby-stop");
        try
        {
            var me = await (await Client.SendAsync(HttpMethod.Get, "/api/v1/me", tokens)).ReadAsync<Me>();
            Assert.Equal("standby-down@example.com", me.Email);

            await using var scope = Factory.Services.CreateAsyncScope();
            var readDb = scope.ServiceProvider.GetRequiredService<IReadDb>();
            Assert.False(await readDb.QuerySingleOrDefaultAsync<bool>(InRecovery, null, CancellationToken.None));

            // Still ready (200), degraded, saying why; and the gauge says the standby is out of reach.
            var ready = await Client.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            using var verdict = System.Text.Json.JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
            Assert.Equal("Degraded", verdict.RootElement.GetProperty("status").GetString());
            Assert.StartsWith("standby: The standby is unreachable, so reads fall back to the primary", verdict.RootElement.GetProperty("reason").GetString(), StringComparison.Ordinal);
            Assert.Equal(0, (await Metrics.ScrapeAsync(Factory)).Value("lecturehub_postgres_standby_reachable"));
        }
        finally
        {
            DevServices("standby-start");
            await WaitUntilReadsUseTheStandbyAgainAsync();
        }
    }

    /// <summary>Npgsql rechecks an offline host after a delay; leave the system as the next test expects it.</summary>
    private async Task WaitUntilReadsUseTheStandbyAgainAsync() =>
        await Api.EventuallyAsync(async () =>
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            var readDb = scope.ServiceProvider.GetRequiredService<IReadDb>();
            var ready = await Client.GetStringAsync("/health/ready");
            return await readDb.QuerySingleOrDefaultAsync<bool>(InRecovery, null, CancellationToken.None) && ready.StartsWith("{\"status\":\"Healthy\"", StringComparison.Ordinal);
        }, "reads use the restarted standby");

    private static Task<string?> StandbyDisplayNameAsync(string email) =>
        Api.ScalarAsync<string>(ApiFactory.StandbyConnectionString, "SELECT display_name FROM users WHERE normalized_email = @e", ("e", email));

    private static void DevServices(string command) => Tools.Script("dev-services.sh", command);
}
