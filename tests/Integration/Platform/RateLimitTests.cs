using System.Net;
using LectureHub.IntegrationTests.Auth;
using LectureHub.IntegrationTests.Support;

namespace LectureHub.IntegrationTests.Platform;

/// <summary>
/// The API-wide limits by endpoint class: reads per instance, writes shared by every instance through Redis, webhooks
/// never; a refusal is the 429 problem RATE_LIMITED with Retry-After. Each factory's clock is pinned, so the test's
/// requests fall in one window however slow the machine.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RateLimitTests(ApiFactory shared)
{
    [Fact]
    public async Task Reads_past_the_limit_are_refused_per_caller_and_a_signed_in_user_has_an_allowance_of_their_own()
    {
        await shared.ResetAsync();
        await using var api = Pinned(new ConfiguredApiFactory(("RateLimiting:ReadsPerMinute", "3")));
        using var client = api.CreateClient();
        var user = await client.SignUpAsync("reader@example.com");

        var anonymous = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
        {
            anonymous.Add(await client.GetAsync("/api/v1/categories"));
        }

        Assert.All(anonymous.Take(3), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var refused = await anonymous[3].ProblemAsync(HttpStatusCode.TooManyRequests, "RATE_LIMITED");
        Assert.Contains("read", refused.Detail, StringComparison.Ordinal);
        Assert.True(anonymous[3].Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(HttpMethod.Get, "/api/v1/me", user)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task The_write_limit_is_shared_by_two_instances_and_webhooks_are_never_limited()
    {
        await shared.ResetAsync();
        var at = DateTimeOffset.UtcNow;
        await using var first = Pinned(new ConfiguredApiFactory(("RateLimiting:WritesPerMinute", "2")), at);
        await using var second = Pinned(new ConfiguredApiFactory(("RateLimiting:WritesPerMinute", "2")), at);
        using var a = first.CreateClient();
        using var b = second.CreateClient();
        var bogus = new { refreshToken = "not-a-refresh-token" };

        Assert.Equal(HttpStatusCode.Unauthorized, (await a.SendAsync(HttpMethod.Post, "/api/v1/auth/refresh", body: bogus)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await b.SendAsync(HttpMethod.Post, "/api/v1/auth/refresh", body: bogus)).StatusCode);
        await (await a.SendAsync(HttpMethod.Post, "/api/v1/auth/refresh", body: bogus)).ProblemAsync(HttpStatusCode.TooManyRequests, "RATE_LIMITED");

        for (var i = 0; i < 5; i++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await a.PostAsync("/api/v1/payments/webhooks/testpg", new StringContent("{}"))).StatusCode);
        }
    }

    [Fact]
    public void A_limit_out_of_range_stops_the_api_at_start_up_naming_the_setting()
    {
        using var api = new ConfiguredApiFactory(("RateLimiting:ReadsPerMinute", "0"));

        var failure = Assert.ThrowsAny<Exception>(() => api.CreateClient());

        Assert.Contains("ReadsPerMinute", failure.ToString(), StringComparison.Ordinal);
    }

    private static ConfiguredApiFactory Pinned(ConfiguredApiFactory api, DateTimeOffset? at = null)
    {
        api.Clock.At = at ?? DateTimeOffset.UtcNow;
        return api;
    }
}
