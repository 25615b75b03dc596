using System.Net;
using System.Net.Http.Json;
using LectureHub.IntegrationTests.Support;

namespace LectureHub.IntegrationTests.Auth;

public sealed class AuthTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Register_answers_signed_in_and_login_and_me_return_the_same_account()
    {
        var registered = await Client.RegisterSignedInAsync("Welder.Kim@Example.com", "Instructor", "김용접");
        var tokens = await Client.LoginAsync("welder.kim@example.com");

        foreach (var session in new[] { registered.Tokens, tokens })
        {
            var me = await (await Client.SendAsync(HttpMethod.Get, "/api/v1/me", session)).ReadAsync<Me>();
            Assert.Equal(registered.User.Id, me.Id);
            Assert.Equal("Welder.Kim@Example.com", me.Email);
            Assert.Equal("김용접", me.DisplayName);
            Assert.Equal("Instructor", me.Role);
        }

        Assert.InRange(tokens.AccessTokenExpiresAt - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15.1));
        var refreshed = await (await Client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = registered.Tokens.RefreshToken })).ReadAsync<Tokens>();
        Assert.NotEqual(registered.Tokens.RefreshToken, refreshed.RefreshToken);
    }

    [Fact]
    public async Task Register_with_a_taken_email_in_any_case_is_a_conflict()
    {
        await Client.RegisterAsync("dup@example.com");

        var response = await Client.PostAsJsonAsync("/api/v1/auth/register", new { email = "DUP@example.com", password = Api.Password, displayName = "x", role = "Student", terms = Api.Terms });

        await response.ProblemAsync(HttpStatusCode.Conflict, "EMAIL_TAKEN");
    }

    [Fact]
    public async Task Concurrent_registrations_of_one_email_create_exactly_one_account()
    {
        var attempts = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ =>
            Client.PostAsJsonAsync("/api/v1/auth/register", new { email = "race@example.com", password = Api.Password, displayName = "race", role = "Student", terms = Api.Terms })));

        Assert.Equal(1, attempts.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(attempts.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(1L, await Api.ScalarAsync<long>(ApiFactory.PrimaryConnectionString, "SELECT count(*) FROM users WHERE normalized_email = 'race@example.com'"));
    }

    [Fact]
    public async Task Registering_as_admin_is_refused_with_a_field_error()
    {
        var response = await Client.PostAsJsonAsync("/api/v1/auth/register", new { email = "a@example.com", password = Api.Password, displayName = "a", role = "Admin", terms = Api.Terms });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.Contains("role", problem.Errors!.Keys);
    }

    [Fact]
    public async Task Wrong_password_is_401_and_five_failures_lock_that_source_out_of_that_account()
    {
        await Client.RegisterAsync("guess@example.com");

        for (var i = 0; i < 5; i++)
        {
            var wrong = await Client.PostAsJsonAsync("/api/v1/auth/login", new { email = "guess@example.com", password = "wrong-password-" + i });
            await wrong.ProblemAsync(HttpStatusCode.Unauthorized, "INVALID_CREDENTIALS");
        }

        // From this address and without a device marker, even the right password waits out the window.
        var throttled = await Client.PostAsJsonAsync("/api/v1/auth/login", new { email = "guess@example.com", password = Api.Password });
        await throttled.ProblemAsync(HttpStatusCode.TooManyRequests, "LOGIN_THROTTLED");
        Assert.True(throttled.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    [Fact]
    public async Task Unknown_email_gets_the_same_answer_as_a_wrong_password()
    {
        var response = await Client.PostAsJsonAsync("/api/v1/auth/login", new { email = "nobody@example.com", password = Api.Password });

        await response.ProblemAsync(HttpStatusCode.Unauthorized, "INVALID_CREDENTIALS");
    }

    [Fact]
    public async Task Refresh_rotates_and_reusing_a_spent_token_after_the_grace_window_revokes_the_whole_family()
    {
        var first = await Client.SignUpAsync("rotate@example.com");

        var second = await (await Client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = first.RefreshToken })).ReadAsync<Tokens>();
        Assert.NotEqual(first.RefreshToken, second.RefreshToken);

        Factory.Clock.At = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(30);
        var replay = await Client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = first.RefreshToken });
        await replay.ProblemAsync(HttpStatusCode.Unauthorized, "REFRESH_TOKEN_REUSED");

        // The legitimate holder's newer token died with the family.
        var afterTheft = await Client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = second.RefreshToken });
        await afterTheft.ProblemAsync(HttpStatusCode.Unauthorized, "REFRESH_TOKEN_REUSED");
    }

    [Fact]
    public async Task Presenting_a_token_again_within_the_grace_window_returns_the_same_successor()
    {
        var first = await Client.SignUpAsync("retry@example.com");

        var once = await (await Client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = first.RefreshToken })).ReadAsync<Tokens>();
        Factory.Clock.At = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(5);
        var again = await (await Client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = first.RefreshToken })).ReadAsync<Tokens>();

        Assert.Equal(once.RefreshToken, again.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(HttpMethod.Get, "/api/v1/me", again)).StatusCode);
        await (await Client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = again.RefreshToken })).ReadAsync<Tokens>();
    }

    [Fact]
    public async Task Eight_concurrent_refreshes_of_one_token_leave_the_user_signed_in_with_one_successor()
    {
        var tokens = await Client.SignUpAsync("double@example.com");

        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            Client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = tokens.RefreshToken })));

        var answers = await Task.WhenAll(attempts.Select(r => r.ReadAsync<Tokens>()));
        Assert.Single(answers.Select(a => a.RefreshToken).Distinct());
        Assert.Equal(2L, await Api.ScalarAsync<long>(ApiFactory.PrimaryConnectionString, "SELECT count(*) FROM refresh_tokens"));
        var next = await (await Client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = answers[0].RefreshToken })).ReadAsync<Tokens>();
        Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(HttpMethod.Get, "/api/v1/me", next)).StatusCode);
    }

    [Fact]
    public async Task Logout_revokes_the_refresh_token_and_its_access_tokens_and_is_idempotent()
    {
        var tokens = await Client.SignUpAsync("bye@example.com");
        Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(HttpMethod.Get, "/api/v1/me", tokens)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await Client.PostAsJsonAsync("/api/v1/auth/logout", new { refreshToken = tokens.RefreshToken })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Client.PostAsJsonAsync("/api/v1/auth/logout", new { refreshToken = tokens.RefreshToken })).StatusCode);

        var refresh = await Client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = tokens.RefreshToken });
        await refresh.ProblemAsync(HttpStatusCode.Unauthorized, "REFRESH_TOKEN_REUSED");
        await Api.EventuallyAsync(
            async () => (await Client.SendAsync(HttpMethod.Get, "/api/v1/me", tokens)).StatusCode == HttpStatusCode.Unauthorized,
            "the logged-out session's access token is refused");
    }

    [Fact]
    public async Task A_logout_on_one_instance_stops_the_access_token_on_another()
    {
        await using var other = new ConfiguredApiFactory();
        using var otherClient = other.CreateClient();
        var tokens = await Client.SignUpAsync("two-instances@example.com");
        // The other instance has validated (and cached) the token before the logout.
        Assert.Equal(HttpStatusCode.OK, (await otherClient.SendAsync(HttpMethod.Get, "/api/v1/me", tokens)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await Client.PostAsJsonAsync("/api/v1/auth/logout", new { refreshToken = tokens.RefreshToken })).StatusCode);

        await Api.EventuallyAsync(
            async () => (await otherClient.SendAsync(HttpMethod.Get, "/api/v1/me", tokens)).StatusCode == HttpStatusCode.Unauthorized,
            "the other instance refuses the logged-out session's access token");
    }

    [Fact]
    public async Task A_stolen_refresh_token_replayed_late_ends_the_sessions_access_tokens_too()
    {
        var victim = await Client.SignUpAsync("stolen@example.com");
        var current = await (await Client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = victim.RefreshToken })).ReadAsync<Tokens>();
        var other = await Client.LoginAsync("stolen@example.com");

        Factory.Clock.At = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(30);
        await (await Client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = victim.RefreshToken })).ProblemAsync(HttpStatusCode.Unauthorized, "REFRESH_TOKEN_REUSED");

        await Api.EventuallyAsync(
            async () => (await Client.SendAsync(HttpMethod.Get, "/api/v1/me", current)).StatusCode == HttpStatusCode.Unauthorized,
            "the compromised session's access token is refused");
        // Another session of the same user is untouched.
        Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(HttpMethod.Get, "/api/v1/me", other)).StatusCode);
    }

    [Fact]
    public async Task Me_without_a_token_is_a_401_problem()
    {
        var response = await Client.GetAsync("/api/v1/me");

        await response.ProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
    }

    [Fact]
    public async Task Patch_me_returns_and_persists_the_new_display_name()
    {
        var tokens = await Client.SignUpAsync("rename@example.com");

        var patched = await (await Client.SendAsync(HttpMethod.Patch, "/api/v1/me", tokens, new { displayName = "  새 이름 " })).ReadAsync<Me>();
        var me = await (await Client.SendAsync(HttpMethod.Get, "/api/v1/me", tokens)).ReadAsync<Me>();

        Assert.Equal("새 이름", patched.DisplayName);
        Assert.Equal("새 이름", me.DisplayName);
    }
}

[Collection(ApiCollection.Name)]
public sealed class AuthRateLimitTests(ApiFactory shared)
{
    [Fact]
    public async Task Auth_endpoints_answer_429_with_retry_after_past_the_per_ip_limit()
    {
        await shared.ResetAsync();
        await using var limited = new ConfiguredApiFactory(("RateLimiting:AuthPerIpPerMinute", "3"));
        // One minute window: the shared limit counts in whole clock minutes, which a busy machine could straddle.
        limited.Clock.At = DateTimeOffset.UtcNow;
        using var client = limited.CreateClient();

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
        {
            responses.Add(await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "x@example.com", password = Api.Password }));
        }

        Assert.All(responses.Take(3), r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        await responses[3].ProblemAsync(HttpStatusCode.TooManyRequests, "RATE_LIMITED");
        Assert.True(responses[3].Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }
}
