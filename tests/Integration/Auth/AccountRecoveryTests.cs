using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using LectureHub.IntegrationTests.Support;

namespace LectureHub.IntegrationTests.Auth;

/// <summary>Email verification, password reset and password change (issue #21): links from the outbox, single use, hashed at rest.</summary>
public sealed partial class AccountRecoveryTests(ApiFactory factory) : ApiTest(factory)
{
    private const string NewPassword = "a-brand-new-passphrase";

    [Fact]
    public async Task Sign_up_emails_a_verification_link_in_the_account_language_that_verifies_once()
    {
        var registered = await Client.RegisterSignedInAsync("verify.ko@example.com");
        Assert.Null(registered.User.EmailVerifiedAt);

        var email = await Mailbox.WaitForVerificationLinkAsync("verify.ko@example.com");
        Assert.Contains("이메일 주소를 확인", email.Subject);
        Assert.Contains("http://localhost:5173/verify-email?token=", email.Text);
        var token = TokenIn(email);
        Assert.Equal(0L, await Api.ScalarAsync<long>(ApiFactory.PrimaryConnectionString,
            "SELECT count(*) FROM account_tokens WHERE token_hash = @token", ("token", token))); // only the hash is stored

        Assert.Equal(HttpStatusCode.NoContent, (await Client.PostAsJsonAsync("/api/v1/auth/email/verify", new { token })).StatusCode);

        var me = await (await Client.SendAsync(HttpMethod.Get, "/api/v1/me", registered.Tokens)).ReadAsync<Me>();
        Assert.NotNull(me.EmailVerifiedAt);
        await (await Client.PostAsJsonAsync("/api/v1/auth/email/verify", new { token })).ProblemAsync(HttpStatusCode.UnprocessableEntity, "VERIFICATION_TOKEN_INVALID");
        await (await Client.SendAsync(HttpMethod.Post, "/api/v1/me/email/verification", registered.Tokens))
            .ProblemAsync(HttpStatusCode.Conflict, "EMAIL_ALREADY_VERIFIED");
    }

    [Fact]
    public async Task Only_the_newest_verification_link_works_and_at_most_three_are_sent_an_hour()
    {
        var tokens = await Client.SignUpAsync("verify.en@example.com", language: "en");
        Assert.Equal(HttpStatusCode.Accepted, (await Client.SendAsync(HttpMethod.Post, "/api/v1/me/email/verification", tokens)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await Client.SendAsync(HttpMethod.Post, "/api/v1/me/email/verification", tokens)).StatusCode);

        var limited = await Client.SendAsync(HttpMethod.Post, "/api/v1/me/email/verification", tokens);
        await limited.ProblemAsync(HttpStatusCode.TooManyRequests, "EMAIL_LIMIT_REACHED");
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);

        // An earlier link superseded before the relay reached it is not sent at all; one sent is refused. Only the newest verifies.
        await Api.OutboxDrainedAsync();
        var emails = await Mailbox.VerificationLinksToAsync("verify.en@example.com");
        Assert.InRange(emails.Count, 1, 3);
        Assert.All(emails, e => Assert.Contains("Please confirm your email address", e.Subject));
        var verified = new List<string>();
        foreach (var email in emails)
        {
            var response = await Client.PostAsJsonAsync("/api/v1/auth/email/verify", new { token = TokenIn(email) });
            if (response.StatusCode == HttpStatusCode.NoContent)
            {
                verified.Add(TokenIn(email));
            }
            else
            {
                await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, "VERIFICATION_TOKEN_INVALID");
            }
        }

        var newest = await Api.ScalarAsync<string>(ApiFactory.PrimaryConnectionString,
            "SELECT t.token_hash FROM account_tokens t JOIN users u ON u.id = t.user_id WHERE u.normalized_email = 'verify.en@example.com' ORDER BY t.created_at DESC LIMIT 1");
        Assert.Equal(newest, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Assert.Single(verified)))));
    }

    [Fact]
    public async Task A_reset_request_answers_the_same_for_unknown_emails_and_the_reset_ends_every_session()
    {
        var first = await Client.SignUpAsync("forgot@example.com");
        var second = await Client.LoginAsync("forgot@example.com");

        var known = await Client.PostAsJsonAsync("/api/v1/auth/password/forgot", new { email = "Forgot@Example.com" });
        var unknown = await Client.PostAsJsonAsync("/api/v1/auth/password/forgot", new { email = "nobody.here@example.com" });
        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (known.StatusCode, unknown.StatusCode));
        Assert.Equal(await known.Content.ReadAsStringAsync(), await unknown.Content.ReadAsStringAsync());

        var reset = (await Mailbox.WaitForAsync("forgot@example.com")).Single(e => e.Subject.Contains("비밀번호 재설정"));
        Assert.Contains("http://localhost:5173/reset-password?token=", reset.Text);
        await Api.OutboxDrainedAsync();
        Assert.Empty(await Mailbox.ToAsync("nobody.here@example.com"));
        Assert.Single(await Mailbox.VerificationLinksToAsync("forgot@example.com")); // sign-up's, apart from the reset

        var token = TokenIn(reset);
        Assert.Equal(HttpStatusCode.NoContent, (await Client.PostAsJsonAsync("/api/v1/auth/password/reset", new { token, newPassword = NewPassword })).StatusCode);

        await (await Client.PostAsJsonAsync("/api/v1/auth/login", new { email = "forgot@example.com", password = Api.Password }))
            .ProblemAsync(HttpStatusCode.Unauthorized, "INVALID_CREDENTIALS");
        var signedIn = await Client.LoginAsync("forgot@example.com", NewPassword);
        foreach (var old in new[] { first, second })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await Client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = old.RefreshToken })).StatusCode);
            await Api.EventuallyAsync(
                async () => (await Client.SendAsync(HttpMethod.Get, "/api/v1/me", old)).StatusCode == HttpStatusCode.Unauthorized,
                "a session from before the reset is refused");
        }

        var me = await (await Client.SendAsync(HttpMethod.Get, "/api/v1/me", signedIn)).ReadAsync<Me>();
        Assert.NotNull(me.EmailVerifiedAt); // the link proved the address
        await (await Client.PostAsJsonAsync("/api/v1/auth/password/reset", new { token, newPassword = "yet-another-passphrase" }))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity, "RESET_TOKEN_INVALID");
    }

    [Fact]
    public async Task A_reset_link_expires_after_30_minutes()
    {
        await Client.RegisterAsync("late@example.com", language: "en");
        await Client.PostAsJsonAsync("/api/v1/auth/password/forgot", new { email = "late@example.com" });
        var reset = (await Mailbox.WaitForAsync("late@example.com")).Single(e => e.Subject.Contains("Reset your password"));

        Factory.Clock.At = DateTimeOffset.UtcNow + TimeSpan.FromMinutes(31);

        await (await Client.PostAsJsonAsync("/api/v1/auth/password/reset", new { token = TokenIn(reset), newPassword = NewPassword }))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity, "RESET_TOKEN_INVALID");
        await Client.LoginAsync("late@example.com"); // the password is unchanged
    }

    [Fact]
    public async Task Racing_resets_with_one_link_set_exactly_one_password()
    {
        await Client.RegisterAsync("race.reset@example.com");
        await Client.PostAsJsonAsync("/api/v1/auth/password/forgot", new { email = "race.reset@example.com" });
        var token = TokenIn((await Mailbox.WaitForAsync("race.reset@example.com")).Single(e => e.Subject.Contains("비밀번호 재설정")));

        var attempts = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            Client.PostAsJsonAsync("/api/v1/auth/password/reset", new { token, newPassword = $"{NewPassword}-{i}" })));

        Assert.Equal(1, attempts.Count(r => r.StatusCode == HttpStatusCode.NoContent));
        foreach (var refused in attempts.Where(r => r.StatusCode != HttpStatusCode.NoContent))
        {
            await refused.ProblemAsync(HttpStatusCode.UnprocessableEntity, "RESET_TOKEN_INVALID");
        }

        var winner = Array.FindIndex(attempts, r => r.StatusCode == HttpStatusCode.NoContent);
        await Client.LoginAsync("race.reset@example.com", $"{NewPassword}-{winner}");
    }

    [Fact]
    public async Task Changing_the_password_needs_the_current_one_and_ends_the_other_sessions_only()
    {
        var here = await Client.SignUpAsync("change@example.com");
        var elsewhere = await Client.LoginAsync("change@example.com");

        var wrong = await Client.SendAsync(HttpMethod.Post, "/api/v1/me/password", here, new { currentPassword = "not-the-password", newPassword = NewPassword });
        await wrong.ProblemAsync(HttpStatusCode.UnprocessableEntity, "PASSWORD_INCORRECT");
        var tooShort = await Client.SendAsync(HttpMethod.Post, "/api/v1/me/password", here, new { currentPassword = Api.Password, newPassword = "short" });
        Assert.Contains("newPassword", (await tooShort.ProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED")).Errors!.Keys);

        Assert.Equal(HttpStatusCode.NoContent,
            (await Client.SendAsync(HttpMethod.Post, "/api/v1/me/password", here, new { currentPassword = Api.Password, newPassword = NewPassword })).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await Client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = elsewhere.RefreshToken })).StatusCode);
        await (await Client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = here.RefreshToken })).ReadAsync<Tokens>();
        await Client.LoginAsync("change@example.com", NewPassword);
    }

    private static string TokenIn(DeliveredEmail email) => Uri.UnescapeDataString(LinkToken().Match(email.Text).Groups[1].Value);

    [GeneratedRegex(@"token=([A-Za-z0-9_%\-]+)")]
    private static partial Regex LinkToken();
}
