using System.Net;
using System.Net.Http.Json;
using LectureHub.IntegrationTests.Support;

namespace LectureHub.IntegrationTests.Auth;

/// <summary>The account's signed-in devices (issue #21): one per refresh family, revocable one by one or all but this one.</summary>
public sealed class SessionTests(ApiFactory factory) : ApiTest(factory)
{
    private sealed record Session(Guid Id, DateTimeOffset StartedAt, DateTimeOffset LastUsedAt, DateTimeOffset ExpiresAt, string? UserAgent, string? Address, bool Current);

    [Fact]
    public async Task The_list_shows_each_device_with_its_client_and_marks_this_one()
    {
        await Client.RegisterAsync("devices@example.com");
        var phone = await SignInAsync("devices@example.com", "LectureHub-Android/2.1");
        var laptop = await SignInAsync("devices@example.com", "Mozilla/5.0 (X11; Linux x86_64)");

        var sessions = await ListAsync(laptop);

        Assert.Equal(3, sessions.Count); // registering signed in too
        var current = Assert.Single(sessions, s => s.Current);
        Assert.Equal("Mozilla/5.0 (X11; Linux x86_64)", current.UserAgent);
        Assert.Equal("127.0.0.1", current.Address);
        Assert.Contains(sessions, s => s.UserAgent == "LectureHub-Android/2.1" && !s.Current);
        Assert.Equal(sessions.OrderByDescending(s => s.LastUsedAt).Select(s => s.Id), sessions.Select(s => s.Id));

        // A refresh keeps the session, moves its last use and records the client that made it.
        Factory.Clock.At = DateTimeOffset.UtcNow + TimeSpan.FromMinutes(5);
        var refreshed = await RefreshAsync(phone, "LectureHub-Android/2.2");
        var phoneSession = Assert.Single(await ListAsync(refreshed), s => s.Current);
        Assert.Equal("LectureHub-Android/2.2", phoneSession.UserAgent);
        Assert.True(phoneSession.LastUsedAt > phoneSession.StartedAt);
        Assert.Equal(3, (await ListAsync(refreshed)).Count);
    }

    [Fact]
    public async Task Revoking_one_session_signs_out_that_device_only_and_nobody_can_revoke_anothers()
    {
        await Client.RegisterAsync("revoke@example.com");
        var keep = await SignInAsync("revoke@example.com", "tablet");
        var lost = await SignInAsync("revoke@example.com", "lost phone");
        var stranger = await Client.SignUpAsync("stranger@example.com");
        var lostId = Assert.Single(await ListAsync(lost), s => s.Current).Id;

        await (await Client.SendAsync(HttpMethod.Delete, $"/api/v1/me/sessions/{lostId}", stranger)).ProblemAsync(HttpStatusCode.NotFound, "SESSION_NOT_FOUND");
        await (await Client.SendAsync(HttpMethod.Delete, $"/api/v1/me/sessions/{Guid.NewGuid()}", keep)).ProblemAsync(HttpStatusCode.NotFound, "SESSION_NOT_FOUND");
        Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(HttpMethod.Get, "/api/v1/me", lost)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await Client.SendAsync(HttpMethod.Delete, $"/api/v1/me/sessions/{lostId}", keep)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Client.SendAsync(HttpMethod.Delete, $"/api/v1/me/sessions/{lostId}", keep)).StatusCode); // idempotent

        Assert.DoesNotContain(await ListAsync(keep), s => s.Id == lostId);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = lost.RefreshToken })).StatusCode);
        await Api.EventuallyAsync(
            async () => (await Client.SendAsync(HttpMethod.Get, "/api/v1/me", lost)).StatusCode == HttpStatusCode.Unauthorized,
            "the revoked session's access token is refused");
        Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(HttpMethod.Get, "/api/v1/me", keep)).StatusCode);
    }

    [Fact]
    public async Task Signing_out_everywhere_else_keeps_only_this_session()
    {
        var first = await Client.SignUpAsync("everywhere@example.com");
        var second = await SignInAsync("everywhere@example.com", "second");
        var here = await SignInAsync("everywhere@example.com", "here");

        Assert.Equal(HttpStatusCode.NoContent, (await Client.SendAsync(HttpMethod.Delete, "/api/v1/me/sessions", here)).StatusCode);

        var left = Assert.Single(await ListAsync(here));
        Assert.True(left.Current);
        foreach (var other in new[] { first, second })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await Client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = other.RefreshToken })).StatusCode);
        }
    }

    private async Task<Tokens> SignInAsync(string email, string userAgent)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login") { Content = JsonContent.Create(new { email, password = Api.Password }) };
        request.Headers.UserAgent.ParseAdd(userAgent);
        return await (await Client.SendAsync(request)).ReadAsync<Tokens>();
    }

    private async Task<Tokens> RefreshAsync(Tokens tokens, string userAgent)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/refresh") { Content = JsonContent.Create(new { refreshToken = tokens.RefreshToken }) };
        request.Headers.UserAgent.ParseAdd(userAgent);
        return await (await Client.SendAsync(request)).ReadAsync<Tokens>();
    }

    private async Task<List<Session>> ListAsync(Tokens tokens) =>
        await (await Client.SendAsync(HttpMethod.Get, "/api/v1/me/sessions", tokens)).ReadAsync<List<Session>>();
}
