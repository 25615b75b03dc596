using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using LectureHub.IntegrationTests.Support;

namespace LectureHub.IntegrationTests.Auth;

/// <summary>
/// Sign-in under attack (issue #16): a stranger guessing passwords must slow himself, not lock out the owner, and
/// cannot choose his own address with X-Forwarded-For unless the peer is a configured proxy.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class SignInAbuseTests(ApiFactory shared)
{
    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string email, string password, string? forwardedFor = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login") { Content = JsonContent.Create(new { email, password }) };
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        return client.SendAsync(request);
    }

    [Fact]
    public async Task A_spoofed_forwarded_for_from_an_unconfigured_peer_is_ignored_by_the_per_address_limit()
    {
        await shared.ResetAsync();
        await using var api = new ConfiguredApiFactory(("RateLimiting:AuthPerIpPerMinute", "3"));
        // One minute window: the shared limit counts in whole clock minutes, which a busy machine could straddle.
        api.Clock.At = DateTimeOffset.UtcNow;
        using var client = api.CreateClient();

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            answers.Add((await LoginAsync(client, "x@example.com", Api.Password, forwardedFor: $"203.0.113.{i + 1}")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized], answers.Take(3));
        Assert.All(answers.Skip(3), a => Assert.Equal(HttpStatusCode.TooManyRequests, a));
    }

    [Fact]
    public async Task Forwarded_for_from_a_configured_proxy_names_the_client()
    {
        await shared.ResetAsync();
        await using var api = new ConfiguredApiFactory(("RateLimiting:AuthPerIpPerMinute", "3"), ("Proxies:KnownProxies:0", "127.0.0.1"));
        // One minute window: the shared limit counts in whole clock minutes, which a busy machine could straddle.
        api.Clock.At = DateTimeOffset.UtcNow;
        using var client = api.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(client, "x@example.com", Api.Password, "203.0.113.1")).StatusCode);
        }

        await (await LoginAsync(client, "x@example.com", Api.Password, "203.0.113.1")).ProblemAsync(HttpStatusCode.TooManyRequests, "RATE_LIMITED");
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(client, "x@example.com", Api.Password, "198.51.100.7")).StatusCode);
    }

    [Fact]
    public async Task The_owner_signs_in_from_another_address_while_a_stranger_is_locked_out()
    {
        await shared.ResetAsync();
        await using var api = new ConfiguredApiFactory(("Proxies:KnownProxies:0", "127.0.0.1"));
        using var client = api.CreateClient(new() { HandleCookies = false });
        await client.RegisterAsync("victim@example.com");

        for (var i = 0; i < 5; i++)
        {
            await (await LoginAsync(client, "victim@example.com", "guess-" + i, "203.0.113.66")).ProblemAsync(HttpStatusCode.Unauthorized, "INVALID_CREDENTIALS");
        }

        await (await LoginAsync(client, "victim@example.com", Api.Password, "203.0.113.66")).ProblemAsync(HttpStatusCode.TooManyRequests, "LOGIN_THROTTLED");
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(client, "victim@example.com", Api.Password, "198.51.100.7")).StatusCode);
    }

    [Fact]
    public async Task A_device_that_signed_in_before_keeps_working_from_the_attackers_own_address()
    {
        await shared.ResetAsync();
        await using var api = new ConfiguredApiFactory();
        using var owner = api.CreateClient();
        using var attacker = api.CreateClient();
        await owner.RegisterAsync("owner@example.com");
        await owner.LoginAsync("owner@example.com");

        for (var i = 0; i < 8; i++)
        {
            Assert.NotEqual(HttpStatusCode.OK, (await LoginAsync(attacker, "owner@example.com", "guess-" + i)).StatusCode);
        }

        // Same address (loopback) for both; the owner's device cookie is what tells them apart.
        await (await LoginAsync(attacker, "owner@example.com", Api.Password)).ProblemAsync(HttpStatusCode.TooManyRequests, "LOGIN_THROTTLED");
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(owner, "owner@example.com", Api.Password)).StatusCode);
    }

    [Fact]
    public async Task A_device_marker_for_another_account_or_forged_counts_for_nothing()
    {
        await shared.ResetAsync();
        await using var api = new ConfiguredApiFactory();
        using var client = api.CreateClient(new() { HandleCookies = false });
        await client.RegisterAsync("other@example.com");
        await client.RegisterAsync("target@example.com");
        var login = await LoginAsync(client, "other@example.com", Api.Password);
        var marker = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("lh_device=", StringComparison.Ordinal)).Split(';')[0];
        Assert.Contains("httponly", login.Headers.GetValues("Set-Cookie").Single(), StringComparison.OrdinalIgnoreCase);

        for (var i = 0; i < 5; i++)
        {
            await LoginAsync(client, "target@example.com", "guess-" + i);
        }

        foreach (var cookie in new[] { marker, "lh_device=00000000000000000000000000000000.forged" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login") { Content = JsonContent.Create(new { email = "target@example.com", password = Api.Password }) };
            request.Headers.Add("Cookie", cookie);
            await (await client.SendAsync(request)).ProblemAsync(HttpStatusCode.TooManyRequests, "LOGIN_THROTTLED");
        }
    }

    [Fact]
    public async Task Past_the_account_ceiling_unknown_sources_are_slowed_but_the_right_password_still_works()
    {
        await shared.ResetAsync();
        await using var api = new ConfiguredApiFactory(
            ("Proxies:KnownProxies:0", "127.0.0.1"), ("LoginThrottle:AccountCeiling", "3"), ("LoginThrottle:AccountDelayMilliseconds", "1500"));
        using var client = api.CreateClient(new() { HandleCookies = false });
        await client.RegisterAsync("famous@example.com");
        for (var i = 0; i < 3; i++)
        {
            await (await LoginAsync(client, "famous@example.com", "guess", $"203.0.113.{i + 1}")).ProblemAsync(HttpStatusCode.Unauthorized, "INVALID_CREDENTIALS");
        }

        var watch = Stopwatch.StartNew();
        var owner = await LoginAsync(client, "famous@example.com", Api.Password, "198.51.100.7");

        Assert.Equal(HttpStatusCode.OK, owner.StatusCode);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(1400), $"answered after {watch.Elapsed}");
    }
}

/// <summary>Its own host with the given settings, on the shared database (tests in the collection run one at a time).</summary>
public sealed class ConfiguredApiFactory(params (string Key, string Value)[] settings) : ApiFactory
{
    protected override IDictionary<string, string?> Settings => settings.ToDictionary(s => s.Key, s => (string?)s.Value);
}
