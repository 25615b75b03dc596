using System.Net;
using System.Net.Http.Json;
using LectureHub.IntegrationTests.Support;

namespace LectureHub.IntegrationTests.Auth;

/// <summary>
/// Social sign-in (issue #21) against the provider simulator: Kakao and Google by OpenID Connect, Naver by its OAuth
/// 2.0; the web redirect flow and the mobile exchange; linking without account takeover; every refusal by its code.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class SocialSignInTests(SocialApiFactory factory) : IClassFixture<SocialApiFactory>, IAsyncLifetime
{
    private sealed record MeView(Guid Id, string Email, DateTimeOffset? EmailVerifiedAt, bool HasPassword, bool EmailRequired);

    private sealed record ExternalLoginView(string Provider, string? Email);

    private readonly HttpClient _client = factory.CreateClient();

    public Task InitializeAsync() => factory.ResetAsync();

    public Task DisposeAsync()
    {
        factory.Clock.At = null;
        _client.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_first_sign_in_makes_an_account_with_the_verified_email_and_no_password_which_agrees_to_the_terms_first()
    {
        var first = await factory.SignInAsync("kakao", new ProviderUser("kakao-1001", "welder@example.com"));

        Assert.True(first.NewAccount);
        Assert.False(first.EmailRequired);
        Assert.True(first.TermsRequired);
        await (await _client.SendAsync(HttpMethod.Get, "/api/v1/me", first.Tokens)).ProblemAsync(HttpStatusCode.Forbidden, "TERMS_UPDATE_REQUIRED");

        var me = await (await _client.SendAsync(HttpMethod.Get, "/api/v1/me", await _client.AgreedAsync(first.Tokens!))).ReadAsync<MeView>();
        Assert.Equal("welder@example.com", me.Email);
        Assert.NotNull(me.EmailVerifiedAt);
        Assert.False(me.HasPassword);
        // No password to guess: a password sign-in with any password fails like a wrong one.
        await (await _client.PostAsJsonAsync("/api/v1/auth/login", new { email = "welder@example.com", password = Api.Password }))
            .ProblemAsync(HttpStatusCode.Unauthorized, "INVALID_CREDENTIALS");
    }

    [Fact]
    public async Task A_returning_sign_in_finds_the_same_account_and_a_concurrent_first_one_makes_only_one()
    {
        var user = new ProviderUser("google-2002", "plumber@example.com");
        var both = await Task.WhenAll(factory.SignInAsync("google", user), factory.SignInAsync("google", user));
        Assert.Single(both, s => s.NewAccount);

        var again = await factory.SignInAsync("google", user);
        Assert.False(again.NewAccount);
        Assert.True(again.TermsRequired); // still not agreed
        Assert.Equal(1L, await Api.ScalarAsync<long>(ApiFactory.PrimaryConnectionString, "SELECT count(*) FROM users WHERE email = 'plumber@example.com'"));
        Assert.Equal(1L, await Api.ScalarAsync<long>(ApiFactory.PrimaryConnectionString, "SELECT count(*) FROM external_logins WHERE provider = 'google' AND subject = 'google-2002'"));
    }

    [Fact]
    public async Task A_verified_email_links_the_existing_account_and_signs_in_to_it()
    {
        var existing = await _client.RegisterSignedInAsync("carpenter@example.com");

        var social = await factory.SignInAsync("google", new ProviderUser("google-3003", "Carpenter@Example.com"));

        Assert.False(social.NewAccount);
        Assert.False(social.TermsRequired);
        var me = await (await _client.SendAsync(HttpMethod.Get, "/api/v1/me", social.Tokens)).ReadAsync<MeView>();
        Assert.Equal(existing.User.Id, me.Id);
        Assert.NotNull(me.EmailVerifiedAt); // the provider vouched for the address
        Assert.True(me.HasPassword);
        var links = await (await _client.SendAsync(HttpMethod.Get, "/api/v1/me/external-logins", social.Tokens)).ReadAsync<List<ExternalLoginView>>();
        Assert.Equal(["google"], links.Select(l => l.Provider));
    }

    [Fact]
    public async Task An_unverified_or_missing_email_never_links_an_account_it_makes_a_new_one_that_asks_for_an_email()
    {
        var victim = await _client.RegisterSignedInAsync("victim@example.com");

        var kakao = await factory.SignInAsync("kakao", new ProviderUser("kakao-4004", "victim@example.com", EmailVerified: false));
        // Naver never says an address is verified.
        var naver = await factory.SignInAsync("naver", new ProviderUser("naver-4005", "victim@example.com"));
        var noEmail = await factory.SignInAsync("google", new ProviderUser("google-4006", Email: null));

        foreach (var social in new[] { kakao, naver, noEmail })
        {
            Assert.True(social.NewAccount);
            Assert.True(social.EmailRequired);
            var me = await (await _client.SendAsync(HttpMethod.Get, "/api/v1/me", await _client.AgreedAsync(social.Tokens!))).ReadAsync<MeView>();
            Assert.NotEqual(victim.User.Id, me.Id);
            Assert.True(me.EmailRequired);
            Assert.EndsWith("@no-email.invalid", me.Email);
            Assert.Null(me.EmailVerifiedAt);
        }

        Assert.Equal(0L, await Api.ScalarAsync<long>(ApiFactory.PrimaryConnectionString, "SELECT count(*) FROM external_logins WHERE user_id = @id", ("id", victim.User.Id)));
    }

    [Fact]
    public async Task An_account_without_an_email_gets_one_by_opening_the_link_sent_to_that_address()
    {
        var social = await factory.SignInAsync("naver", new ProviderUser("naver-1212", "someone@example.com"));
        var tokens = await _client.AgreedAsync(social.Tokens!);
        await _client.RegisterSignedInAsync("taken@example.com");

        await (await _client.SendAsync(HttpMethod.Post, "/api/v1/me/email", tokens, new { email = "TAKEN@example.com" })).ProblemAsync(HttpStatusCode.Conflict, "EMAIL_TAKEN");
        Assert.Equal(HttpStatusCode.Accepted, (await _client.SendAsync(HttpMethod.Post, "/api/v1/me/email", tokens, new { email = "mine@example.com" })).StatusCode);

        var email = (await Mailbox.WaitForAsync("mine@example.com")).Single();
        Assert.Contains("http://localhost:5173/verify-email?token=", email.Text);
        var token = Uri.UnescapeDataString(System.Text.RegularExpressions.Regex.Match(email.Text, @"token=([A-Za-z0-9_%\-]+)").Groups[1].Value);
        Assert.Equal(HttpStatusCode.NoContent, (await _client.PostAsJsonAsync("/api/v1/auth/email/verify", new { token })).StatusCode);

        var me = await (await _client.SendAsync(HttpMethod.Get, "/api/v1/me", tokens)).ReadAsync<MeView>();
        Assert.Equal(("mine@example.com", false), (me.Email, me.EmailRequired));
        Assert.NotNull(me.EmailVerifiedAt);
        await (await _client.PostAsJsonAsync("/api/v1/auth/email/verify", new { token })).ProblemAsync(HttpStatusCode.UnprocessableEntity, "VERIFICATION_TOKEN_INVALID");
    }

    [Fact]
    public async Task A_signed_in_user_links_a_provider_explicitly_and_one_identity_cannot_serve_two_accounts()
    {
        var owner = await _client.RegisterSignedInAsync("hvac@example.com");
        using var browser = factory.Browser();
        var completion = await SocialApi.CallbackAsync(browser, await factory.AuthorizeAsync(browser, "naver", new ProviderUser("naver-5005", "someone-else@example.com"), intent: "link"));
        Assert.Equal("link", completion["intent"]);

        var linked = await (await _client.SendAsync(HttpMethod.Post, "/api/v1/me/external-logins", owner.Tokens, new { ticket = completion["ticket"] })).ReadAsync<ExternalLoginView>();
        Assert.Equal("naver", linked.Provider);

        var viaNaver = await factory.SignInAsync("naver", new ProviderUser("naver-5005", "someone-else@example.com"));
        Assert.False(viaNaver.NewAccount);
        Assert.Equal(owner.User.Id, (await (await _client.SendAsync(HttpMethod.Get, "/api/v1/me", viaNaver.Tokens)).ReadAsync<MeView>()).Id);

        // Another account trying to link the same identity is refused, and so is a ticket spent twice.
        var other = await _client.SignUpAsync("other@example.com");
        using var second = factory.Browser();
        var again = await SocialApi.CallbackAsync(second, await factory.AuthorizeAsync(second, "naver", new ProviderUser("naver-5005"), intent: "link"));
        await (await _client.SendAsync(HttpMethod.Post, "/api/v1/me/external-logins", other, new { ticket = again["ticket"] })).ProblemAsync(HttpStatusCode.Conflict, "EXTERNAL_LOGIN_TAKEN");
        await (await _client.SendAsync(HttpMethod.Post, "/api/v1/me/external-logins", other, new { ticket = again["ticket"] })).ProblemAsync(HttpStatusCode.Unauthorized, "OAUTH_TICKET_INVALID");
    }

    [Fact]
    public async Task The_last_way_to_sign_in_cannot_be_unlinked()
    {
        var social = await factory.SignInAsync("kakao", new ProviderUser("kakao-6006", "only@example.com"));
        var tokens = await _client.AgreedAsync(social.Tokens!);

        await (await _client.SendAsync(HttpMethod.Delete, "/api/v1/me/external-logins/kakao", tokens)).ProblemAsync(HttpStatusCode.Conflict, "LAST_SIGN_IN_METHOD");
        await (await _client.SendAsync(HttpMethod.Post, "/api/v1/auth/step-up", tokens, new { password = "anything" })).ProblemAsync(HttpStatusCode.UnprocessableEntity, "PASSWORD_NOT_SET");
        await (await _client.SendAsync(HttpMethod.Post, "/api/v1/me/password", tokens, new { currentPassword = "anything", newPassword = "a-new-long-password" }))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity, "PASSWORD_NOT_SET");

        // A second provider, linked from the mobile app within the sign-in's step-up window, makes the first removable.
        var idToken = await MintAsync("google", "google-6007", "only@example.com", nonce: "link-nonce");
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(HttpMethod.Post, "/api/v1/me/external-logins/google/token", tokens, new { idToken, nonce = "link-nonce" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _client.SendAsync(HttpMethod.Delete, "/api/v1/me/external-logins/kakao", tokens)).StatusCode);
        await (await _client.SendAsync(HttpMethod.Delete, "/api/v1/me/external-logins/google", tokens)).ProblemAsync(HttpStatusCode.Conflict, "LAST_SIGN_IN_METHOD");
    }

    [Fact]
    public async Task A_replayed_or_foreign_state_is_refused()
    {
        using var browser = factory.Browser();
        var callback = await factory.AuthorizeAsync(browser, "kakao", new ProviderUser("kakao-7007", "replay@example.com"));
        Assert.True((await SocialApi.CallbackAsync(browser, callback)).ContainsKey("ticket"));

        Assert.Equal("OAUTH_STATE_INVALID", (await SocialApi.CallbackAsync(browser, callback))["error"]); // the same state again

        // A callback another browser started (a login CSRF): this browser holds no such state.
        using var attacker = factory.Browser();
        var planted = await factory.AuthorizeAsync(attacker, "kakao", new ProviderUser("kakao-attacker"));
        using var victim = factory.Browser();
        Assert.Equal("OAUTH_STATE_INVALID", (await SocialApi.CallbackAsync(victim, planted))["error"]);
    }

    [Fact]
    public async Task A_wrong_nonce_a_token_signed_by_another_key_and_an_expired_code_are_refused()
    {
        Assert.Equal("OAUTH_NONCE_MISMATCH", await RefusalAsync("google", new ProviderUser("google-8008", "n@example.com", Nonce: "not-the-one-we-sent")));
        Assert.Equal("OAUTH_ID_TOKEN_INVALID", await RefusalAsync("kakao", new ProviderUser("kakao-8009", "k@example.com", RogueKey: true)));
        Assert.Equal("OAUTH_CODE_INVALID", await RefusalAsync("naver", new ProviderUser("naver-8010", "v@example.com"), expireCode: true));
        Assert.Equal(0L, await Api.ScalarAsync<long>(ApiFactory.PrimaryConnectionString, "SELECT count(*) FROM users"));
    }

    [Fact]
    public async Task Mobile_apps_exchange_an_id_token_with_its_nonce_or_a_code_with_its_verifier()
    {
        var idToken = await MintAsync("kakao", "kakao-9009", "mobile@example.com", nonce: "app-nonce-1");
        await (await _client.PostAsJsonAsync("/api/v1/auth/oauth/kakao/token", new { idToken, nonce = "another" })).ProblemAsync(HttpStatusCode.Unauthorized, "OAUTH_NONCE_MISMATCH");
        var signedIn = await (await _client.PostAsJsonAsync("/api/v1/auth/oauth/kakao/token", new { idToken, nonce = "app-nonce-1" })).ReadAsync<SocialSignIn>();
        Assert.True(signedIn.NewAccount);

        var expired = await MintAsync("google", "google-9010", "late@example.com", nonce: "n", expiresInSeconds: -120);
        await (await _client.PostAsJsonAsync("/api/v1/auth/oauth/google/token", new { idToken = expired, nonce = "n" })).ProblemAsync(HttpStatusCode.Unauthorized, "OAUTH_ID_TOKEN_INVALID");
        await (await _client.PostAsJsonAsync("/api/v1/auth/oauth/naver/token", new { idToken, nonce = "n" })).ProblemAsync(HttpStatusCode.UnprocessableEntity, "OAUTH_ID_TOKEN_UNSUPPORTED");
        await (await _client.PostAsJsonAsync("/api/v1/auth/oauth/github/token", new { idToken, nonce = "n" })).ProblemAsync(HttpStatusCode.NotFound, "OAUTH_PROVIDER_UNKNOWN");
        await (await _client.PostAsJsonAsync("/api/v1/auth/oauth/kakao/token", new { nonce = "n" })).ProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");

        // Naver from an app: it ran the authorization itself, with its own verifier and redirect URI.
        const string verifier = "app-held-verifier-0123456789-abcdefghijklmnopqrstuvwxyz";
        var challenge = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(verifier)));
        var consent = await factory.Simulator.GetAsync(
            $"/naver/oauth2.0/authorize?response_type=code&client_id={LectureHub.OAuthSimulator.OAuthSimulatorApp.ClientId}&redirect_uri=lecturehub%3A%2F%2Foauth&state=s"
            + $"&code_challenge={challenge}&code_challenge_method=S256" + new ProviderUser("naver-9011", "app@example.com").Query);
        var code = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(consent.Headers.Location!.Query)["code"].ToString();
        await (await _client.PostAsJsonAsync("/api/v1/auth/oauth/naver/token", new { code, codeVerifier = verifier[..^1] + "X", redirectUri = "lecturehub://oauth" }))
            .ProblemAsync(HttpStatusCode.Unauthorized, "OAUTH_CODE_INVALID");
        var consent2 = await factory.Simulator.GetAsync(consent.RequestMessage!.RequestUri!.PathAndQuery);
        var code2 = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(consent2.Headers.Location!.Query)["code"].ToString();
        var naver = await (await _client.PostAsJsonAsync("/api/v1/auth/oauth/naver/token", new { code = code2, codeVerifier = verifier, redirectUri = "lecturehub://oauth" })).ReadAsync<SocialSignIn>();
        Assert.True(naver.NewAccount);
        Assert.True(naver.EmailRequired);
    }

    [Fact]
    public async Task A_suspended_account_cannot_sign_in_through_a_provider()
    {
        var admin = await _client.SignUpAsync("admin@example.com", "Admin");
        var member = await _client.RegisterSignedInAsync("member@example.com");
        Assert.False((await factory.SignInAsync("google", new ProviderUser("google-1111", "member@example.com"))).NewAccount);
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(HttpMethod.Post, $"/api/v1/admin/users/{member.User.Id}/suspension", admin, new { reason = "fraud" })).StatusCode);

        using var browser = factory.Browser();
        var completion = await SocialApi.CallbackAsync(browser, await factory.AuthorizeAsync(browser, "google", new ProviderUser("google-1111", "member@example.com")));
        await (await browser.PostAsJsonAsync("/api/v1/auth/oauth/ticket", new { ticket = completion["ticket"] })).ProblemAsync(HttpStatusCode.Forbidden, "ACCOUNT_SUSPENDED");
    }

    [Fact]
    public async Task An_account_with_two_factor_on_still_needs_its_code_after_a_social_sign_in()
    {
        var start = DateTimeOffset.UtcNow;
        factory.Clock.At = start;
        var tokens = await _client.SignUpAsync("guarded@example.com");
        var secret = (await (await _client.SendAsync(HttpMethod.Post, "/api/v1/me/2fa/totp", tokens)).ReadAsync<Enrolment>()).Secret;
        string Code(int step) => new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(secret)).ComputeTotp(start.AddSeconds(30 * step).UtcDateTime);
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(HttpMethod.Post, "/api/v1/me/2fa/totp/confirm", tokens, new { code = Code(0) })).StatusCode);

        using var browser = factory.Browser();
        var completion = await SocialApi.CallbackAsync(browser, await factory.AuthorizeAsync(browser, "google", new ProviderUser("google-guarded", "guarded@example.com")));
        var answer = await (await browser.PostAsJsonAsync("/api/v1/auth/oauth/ticket", new { ticket = completion["ticket"] })).ReadAsync<SecondStep>(HttpStatusCode.Accepted);
        Assert.Null(answer.Tokens);

        factory.Clock.At = start.AddSeconds(30);
        var signedIn = await (await _client.PostAsJsonAsync("/api/v1/auth/login/2fa", new { challenge = answer.Challenge!.Challenge, code = Code(1) })).ReadAsync<Tokens>();
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(HttpMethod.Get, "/api/v1/me", signedIn)).StatusCode);
    }

    private sealed record Enrolment(string Secret);

    private sealed record ChallengeView(string Challenge);

    private sealed record SecondStep(Tokens? Tokens, ChallengeView? Challenge);

    private async Task<string> RefusalAsync(string provider, ProviderUser user, bool expireCode = false)
    {
        using var browser = factory.Browser();
        var completion = await SocialApi.CallbackAsync(browser, await factory.AuthorizeAsync(browser, provider, user, expireCode: expireCode));
        Assert.False(completion.ContainsKey("ticket"));
        return completion["error"];
    }

    private async Task<string> MintAsync(string provider, string subject, string email, string nonce, int expiresInSeconds = 600)
    {
        var minted = await factory.Simulator.PostAsJsonAsync($"/sim/{provider}/id-token",
            new { subject, email, emailVerified = true, name = "앱 사용자", nonce, audience = SocialApiFactory.MobileClientId, rogueKey = false, expiresInSeconds });
        return (await minted.ReadAsync<IdToken>()).Id_Token;
    }

    private sealed record IdToken(string Id_Token);
}
