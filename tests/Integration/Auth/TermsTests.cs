using System.Net;
using System.Net.Http.Json;
using LectureHub.IntegrationTests.Support;

namespace LectureHub.IntegrationTests.Auth;

/// <summary>Versioned terms (issue #21): agreed at sign-up, enforced on every call once a required version changes.</summary>
public sealed class TermsTests(ApiFactory factory) : ApiTest(factory)
{
    private sealed record TermsDocument(string Kind, int Version, string Title, string Body);

    private sealed record CurrentTerms(TermsDocument Service, TermsDocument Privacy, TermsDocument? Marketing);

    private sealed record MeTerms(Guid Id, int ServiceTermsVersion, int PrivacyTermsVersion, int? MarketingTermsVersion);

    private sealed record NewAccessToken(string AccessToken, DateTimeOffset AccessTokenExpiresAt);

    [Fact]
    public async Task Sign_up_reads_the_terms_in_force_and_stores_each_agreement_with_its_version_and_time()
    {
        var terms = await (await Client.GetAsync("/api/v1/terms")).ReadAsync<CurrentTerms>();
        Assert.Equal((1, 1, 1), (terms.Service.Version, terms.Privacy.Version, terms.Marketing!.Version));
        Assert.Contains("이용약관", terms.Service.Title);
        Assert.Contains("개인정보", terms.Privacy.Body);

        var response = await Client.PostAsJsonAsync("/api/v1/auth/register",
            new { email = "agree@example.com", password = Api.Password, displayName = "동의", terms = new { service = 1, privacy = 1, marketing = 1 } });
        var tokens = (await response.ReadAsync<Registration>(HttpStatusCode.Created)).Tokens;

        var me = await (await Client.SendAsync(HttpMethod.Get, "/api/v1/me", tokens)).ReadAsync<MeTerms>();
        Assert.Equal((1, 1, (int?)1), (me.ServiceTermsVersion, me.PrivacyTermsVersion, me.MarketingTermsVersion));
        Assert.Equal(
            "Marketing:1:True,Privacy:1:True,Service:1:True",
            await Api.ScalarAsync<string>(ApiFactory.PrimaryConnectionString,
                "SELECT string_agg(kind || ':' || version || ':' || CASE WHEN agreed THEN 'True' ELSE 'False' END, ',' ORDER BY kind) FROM terms_decisions WHERE user_id = @id",
                ("id", me.Id)));
    }

    [Fact]
    public async Task Sign_up_without_the_required_terms_or_with_an_old_version_is_refused_naming_the_field()
    {
        var missing = await (await Client.PostAsJsonAsync("/api/v1/auth/register",
            new { email = "no-terms@example.com", password = Api.Password, displayName = "x" })).ProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.Equal(["terms"], missing.Errors!.Keys);

        var admin = await Client.SignUpAsync("admin@example.com", "Admin");
        await PublishAsync(admin, "Privacy");

        var old = await (await Client.PostAsJsonAsync("/api/v1/auth/register",
            new { email = "old-terms@example.com", password = Api.Password, displayName = "x", terms = Api.Terms })).ProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.Equal(["terms.privacy"], old.Errors!.Keys);
        Assert.Contains("privacy 2", old.Errors["terms.privacy"][0]);
        Assert.Equal(0L, await Api.ScalarAsync<long>(ApiFactory.PrimaryConnectionString, "SELECT count(*) FROM users WHERE email LIKE '%-terms@example.com'"));
    }

    [Fact]
    public async Task A_new_required_version_stops_every_call_but_terms_and_sign_out_until_the_user_agrees()
    {
        var admin = await Client.SignUpAsync("admin@example.com", "Admin");
        var user = await Client.SignUpAsync("reader@example.com");
        Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(HttpMethod.Get, "/api/v1/me", user)).StatusCode);

        var published = await PublishAsync(admin, "Service");
        Assert.Equal(2, published.Version);

        await (await Client.SendAsync(HttpMethod.Get, "/api/v1/me", user)).ProblemAsync(HttpStatusCode.Forbidden, "TERMS_UPDATE_REQUIRED");
        await (await Client.SendAsync(HttpMethod.Get, "/api/v1/courses", user)).ProblemAsync(HttpStatusCode.Forbidden, "TERMS_UPDATE_REQUIRED");
        // Refreshing is no way around it: the new token carries what the account agreed to, which is still version 1.
        var refreshed = await (await Client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = user.RefreshToken })).ReadAsync<Tokens>();
        await (await Client.SendAsync(HttpMethod.Get, "/api/v1/me", refreshed)).ProblemAsync(HttpStatusCode.Forbidden, "TERMS_UPDATE_REQUIRED");
        // Reading the terms, and listing and ending sessions, still work.
        Assert.Equal(2, (await (await Client.SendAsync(HttpMethod.Get, "/api/v1/terms", refreshed)).ReadAsync<CurrentTerms>()).Service.Version);
        Assert.Equal(HttpStatusCode.NoContent, (await Client.SendAsync(HttpMethod.Delete, "/api/v1/me/sessions", refreshed)).StatusCode);

        var stale = await (await Client.SendAsync(HttpMethod.Post, "/api/v1/me/terms", refreshed, new { service = 1, privacy = 1 }))
            .ProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.Equal(["service"], stale.Errors!.Keys);

        var agreed = await (await Client.SendAsync(HttpMethod.Post, "/api/v1/me/terms", refreshed, new { service = 2, privacy = 1 })).ReadAsync<NewAccessToken>();
        var after = refreshed with { AccessToken = agreed.AccessToken };
        var me = await (await Client.SendAsync(HttpMethod.Get, "/api/v1/me", after)).ReadAsync<MeTerms>();
        Assert.Equal((2, 1), (me.ServiceTermsVersion, me.PrivacyTermsVersion));
        await (await Client.SendAsync(HttpMethod.Get, "/api/v1/me", refreshed)).ProblemAsync(HttpStatusCode.Forbidden, "TERMS_UPDATE_REQUIRED");

        Assert.Equal("terms.publish", await Api.ScalarAsync<string>(ApiFactory.PrimaryConnectionString, "SELECT action FROM audit_entries"));
        await (await Client.SendAsync(HttpMethod.Post, "/api/v1/admin/terms", after, new { kind = "Service", title = "t", body = "b" }))
            .ProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
    }

    [Fact]
    public async Task Marketing_is_optional_its_new_versions_gate_nobody_and_a_withdrawal_is_recorded()
    {
        var admin = await Client.SignUpAsync("admin@example.com", "Admin");
        var response = await Client.PostAsJsonAsync("/api/v1/auth/register",
            new { email = "ads@example.com", password = Api.Password, displayName = "광고", terms = new { service = 1, privacy = 1, marketing = 1 } });
        var user = (await response.ReadAsync<Registration>(HttpStatusCode.Created)).Tokens;

        await PublishAsync(admin, "Marketing");
        Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(HttpMethod.Get, "/api/v1/me", user)).StatusCode);

        var withdrawn = await (await Client.SendAsync(HttpMethod.Post, "/api/v1/me/terms", user, new { service = 1, privacy = 1, marketing = (int?)null })).ReadAsync<NewAccessToken>();
        var me = await (await Client.SendAsync(HttpMethod.Get, "/api/v1/me", user with { AccessToken = withdrawn.AccessToken })).ReadAsync<MeTerms>();
        Assert.Null(me.MarketingTermsVersion);
        Assert.Equal(
            "1:True,1:False",
            await Api.ScalarAsync<string>(ApiFactory.PrimaryConnectionString,
                "SELECT string_agg(version || ':' || CASE WHEN agreed THEN 'True' ELSE 'False' END, ',' ORDER BY decided_at, agreed DESC) FROM terms_decisions WHERE user_id = @id AND kind = 'Marketing'",
                ("id", me.Id)));
    }

    [Fact]
    public async Task Admins_publishing_at_once_get_distinct_consecutive_versions_or_a_clear_conflict()
    {
        var admin = await Client.SignUpAsync("admin@example.com", "Admin");

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            Client.SendAsync(HttpMethod.Post, "/api/v1/admin/terms", admin, new { kind = "Privacy", title = $"개정 {i}", body = "새 조항." })));

        var published = answers.Where(r => r.StatusCode == HttpStatusCode.Created).ToList();
        Assert.NotEmpty(published);
        await Task.WhenAll(answers.Where(r => r.StatusCode != HttpStatusCode.Created).Select(r => r.ProblemAsync(HttpStatusCode.Conflict, "TERMS_PUBLISHED_CONCURRENTLY")));
        var versions = (await Task.WhenAll(published.Select(r => r.ReadAsync<TermsDocument>(HttpStatusCode.Created)))).Select(d => d.Version).Order().ToList();
        Assert.Equal(Enumerable.Range(2, published.Count), versions);
        Assert.Equal(1 + published.Count, (await (await Client.GetAsync("/api/v1/terms")).ReadAsync<CurrentTerms>()).Privacy.Version);
    }

    [Fact]
    public async Task Another_instance_enforces_a_new_version_once_it_reloads_the_terms()
    {
        await using var other = new ConfiguredApiFactory(("Terms:RefreshSeconds", "1"));
        using var otherClient = other.CreateClient();
        var admin = await Client.SignUpAsync("admin@example.com", "Admin");
        var user = await Client.SignUpAsync("elsewhere@example.com");
        Assert.Equal(HttpStatusCode.OK, (await otherClient.SendAsync(HttpMethod.Get, "/api/v1/me", user)).StatusCode);

        await PublishAsync(admin, "Service");

        await Api.EventuallyAsync(
            async () => (await otherClient.SendAsync(HttpMethod.Get, "/api/v1/me", user)).StatusCode == HttpStatusCode.Forbidden,
            "the other instance enforces the new service terms");
    }

    private async Task<TermsDocument> PublishAsync(Tokens admin, string kind) =>
        await (await Client.SendAsync(HttpMethod.Post, "/api/v1/admin/terms", admin, new { kind, title = $"{kind} v-next", body = "# 바뀐 약관\n\n새 조항." }))
            .ReadAsync<TermsDocument>(HttpStatusCode.Created);
}
