using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LectureHub.IntegrationTests.Auth;
using LectureHub.IntegrationTests.Support;
using StackExchange.Redis;

namespace LectureHub.IntegrationTests.Platform;

/// <summary>
/// Redis killed under a running API (issue #20): reads, sign-ins and commands go on at their normal latency instead
/// of each waiting out a Redis timeout; the login throttle counts per instance meanwhile; and when Redis is back the
/// API uses it again without a restart.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RedisOutageTests(ApiFactory shared)
{
    /// <summary>Each Redis call would wait this long before failing if commands queued for a connection that is gone.</summary>
    private static readonly TimeSpan RedisTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task With_Redis_killed_the_API_serves_signs_in_and_commits_without_waiting_and_resumes_when_it_returns()
    {
        await shared.ResetAsync();
        await using var redis = new OwnRedis();
        await redis.StartAsync();
        var ms = (int)RedisTimeout.TotalMilliseconds;
        await using var api = new ConfiguredApiFactory(("ConnectionStrings:Redis", $"127.0.0.1:{redis.Port},asyncTimeout={ms},syncTimeout={ms},connectTimeout=2000"));
        using var client = api.CreateClient(new() { HandleCookies = false });
        await client.RegisterAsync("before@example.com");
        Assert.Equal("Healthy", await ReadinessAsync(client));

        await redis.KillAsync();
        var outage = Stopwatch.StartNew();
        await client.LoginAsync("before@example.com");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/courses")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/categories")).StatusCode);
        await client.RegisterAsync("during@example.com");
        Assert.Equal("Degraded", await ReadinessAsync(client));
        Assert.True(outage.Elapsed < RedisTimeout / 2, $"the calls took {outage.Elapsed}: something waited for Redis");

        // The throttle still holds, counted by this instance: five wrong passwords, then the sixth attempt is refused.
        for (var i = 0; i < 5; i++)
        {
            await (await Login(client, "during@example.com", "guess-" + i)).ProblemAsync(HttpStatusCode.Unauthorized, "INVALID_CREDENTIALS");
        }

        await (await Login(client, "during@example.com", Api.Password)).ProblemAsync(HttpStatusCode.TooManyRequests, "LOGIN_THROTTLED");

        await redis.StartAsync();
        await Api.EventuallyAsync(async () => await ReadinessAsync(client) == "Healthy", "readiness Healthy again");
        await (await Login(client, "before@example.com", "wrong")).ProblemAsync(HttpStatusCode.Unauthorized, "INVALID_CREDENTIALS");
        await using var direct = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{redis.Port}");
        Assert.True(await direct.GetDatabase().KeyExistsAsync("lh:login-failures:before@example.com"), "the failure was counted in Redis again");
    }

    private static Task<HttpResponseMessage> Login(HttpClient client, string email, string password) =>
        client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });

    private static async Task<string> ReadinessAsync(HttpClient client)
    {
        var response = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString()!;
    }
}
