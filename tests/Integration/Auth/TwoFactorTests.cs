using System.Net;
using System.Net.Http.Json;
using LectureHub.IntegrationTests.Support;
using OtpNet;

namespace LectureHub.IntegrationTests.Auth;

/// <summary>TOTP with recovery codes and step-up (issue #21). The server's clock is the test's, so each code is made for a moment of its own.</summary>
public sealed class TwoFactorTests(ApiFactory factory) : ApiTest(factory)
{
    private static readonly DateTimeOffset Start = DateTimeOffset.UtcNow;

    private sealed record Enrolment(string Secret, string OtpAuthUri, string QrCodePng);

    private sealed record CodeSet(List<string> RecoveryCodes);

    private sealed record Challenge(string ChallengeValue, DateTimeOffset ExpiresAt);

    private sealed record SteppedUp(string AccessToken, DateTimeOffset AccessTokenExpiresAt);

    [Fact]
    public async Task Enrolment_gives_a_secret_uri_and_qr_code_and_the_first_code_turns_it_on_with_ten_recovery_codes()
    {
        Factory.Clock.At = Start;
        var tokens = await Client.SignUpAsync("totp@example.com");
        var enrolment = await (await Client.SendAsync(HttpMethod.Post, "/api/v1/me/2fa/totp", tokens)).ReadAsync<Enrolment>();

        Assert.StartsWith("otpauth://totp/LectureHub:totp%40example.com?secret=" + enrolment.Secret, enrolment.OtpAuthUri);
        Assert.Contains("issuer=LectureHub", enrolment.OtpAuthUri);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], Convert.FromBase64String(enrolment.QrCodePng).Take(4));
        var stored = await Api.ScalarAsync<string>(ApiFactory.PrimaryConnectionString, "SELECT totp_secret FROM users WHERE normalized_email = 'totp@example.com'");
        Assert.DoesNotContain(enrolment.Secret, stored); // sealed, never in the clear

        await (await Client.SendAsync(HttpMethod.Post, "/api/v1/me/2fa/totp/confirm", tokens, new { code = "000000" == Code(enrolment, 0) ? "111111" : "000000" }))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity, "TWO_FACTOR_CODE_INVALID");
        var codes = await ConfirmAsync(tokens, enrolment, step: 0);

        Assert.Equal(10, codes.RecoveryCodes.Distinct().Count());
        Assert.All(codes.RecoveryCodes, c => Assert.Matches("^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$", c));
        Assert.True((await (await Client.SendAsync(HttpMethod.Get, "/api/v1/me", tokens)).ReadAsync<MeWithTwoFactor>()).TwoFactorEnabled);
        await (await Client.SendAsync(HttpMethod.Post, "/api/v1/me/2fa/totp", tokens)).ProblemAsync(HttpStatusCode.Conflict, "TWO_FACTOR_ALREADY_ENABLED");
    }

    [Fact]
    public async Task Sign_in_takes_a_code_once_or_a_recovery_code_once_and_wrong_codes_are_throttled()
    {
        var (_, enrolment, codes) = await EnrolledAsync("second@example.com");

        Factory.Clock.At = Start.AddSeconds(30);
        var challenge = await PasswordStepAsync("second@example.com");
        var signedIn = await (await Client.PostAsJsonAsync("/api/v1/auth/login/2fa", new { challenge = challenge.ChallengeValue, code = Code(enrolment, 1) }))
            .ReadAsync<Tokens>();
        Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(HttpMethod.Get, "/api/v1/me", signedIn)).StatusCode);

        // The same code again is a replay, even within its 30 seconds.
        await (await Client.PostAsJsonAsync("/api/v1/auth/login/2fa", new { challenge = (await PasswordStepAsync("second@example.com")).ChallengeValue, code = Code(enrolment, 1) }))
            .ProblemAsync(HttpStatusCode.Unauthorized, "TWO_FACTOR_CODE_INVALID");

        var recovery = codes.RecoveryCodes[3].ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal); // typed loosely
        await (await Client.PostAsJsonAsync("/api/v1/auth/login/2fa", new { challenge = (await PasswordStepAsync("second@example.com")).ChallengeValue, recoveryCode = recovery }))
            .ReadAsync<Tokens>();
        await (await Client.PostAsJsonAsync("/api/v1/auth/login/2fa", new { challenge = (await PasswordStepAsync("second@example.com")).ChallengeValue, recoveryCode = recovery }))
            .ProblemAsync(HttpStatusCode.Unauthorized, "TWO_FACTOR_CODE_INVALID");

        await (await Client.PostAsJsonAsync("/api/v1/auth/login/2fa", new { challenge = challenge.ChallengeValue + "x", code = Code(enrolment, 2) }))
            .ProblemAsync(HttpStatusCode.Unauthorized, "TWO_FACTOR_CHALLENGE_INVALID");
        Factory.Clock.At = Start.AddMinutes(6);
        await (await Client.PostAsJsonAsync("/api/v1/auth/login/2fa", new { challenge = challenge.ChallengeValue, code = Code(enrolment, 12) }))
            .ProblemAsync(HttpStatusCode.Unauthorized, "TWO_FACTOR_CHALLENGE_INVALID");

        var fresh = await PasswordStepAsync("second@example.com");
        for (var i = 0; i < 4; i++)
        {
            await (await Client.PostAsJsonAsync("/api/v1/auth/login/2fa", new { challenge = fresh.ChallengeValue, code = "12345" + i }))
                .ProblemAsync(HttpStatusCode.Unauthorized, "TWO_FACTOR_CODE_INVALID");
        }

        var throttled = await Client.PostAsJsonAsync("/api/v1/auth/login/2fa", new { challenge = fresh.ChallengeValue, code = Code(enrolment, 12) });
        await throttled.ProblemAsync(HttpStatusCode.TooManyRequests, "LOGIN_THROTTLED"); // five failures since the last good code: the spent one and four wrong
        await (await Client.PostAsJsonAsync("/api/v1/auth/login/2fa", new { challenge = fresh.ChallengeValue, code = Code(enrolment, 12), recoveryCode = codes.RecoveryCodes[0] }))
            .ProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
    }

    [Fact]
    public async Task One_recovery_code_racing_into_several_sign_ins_starts_one_session()
    {
        var (_, _, codes) = await EnrolledAsync("race.code@example.com");
        Factory.Clock.At = Start.AddSeconds(1); // sessions from here on are after the enrolment
        var challenges = new List<Challenge>();
        for (var i = 0; i < 6; i++)
        {
            challenges.Add(await PasswordStepAsync("race.code@example.com"));
        }

        var attempts = await Task.WhenAll(challenges.Select(c =>
            Client.PostAsJsonAsync("/api/v1/auth/login/2fa", new { challenge = c.ChallengeValue, recoveryCode = codes.RecoveryCodes[5] })));

        Assert.Equal(1, attempts.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.All(attempts.Where(r => r.StatusCode != HttpStatusCode.OK),
            r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Conflict })); // spent, or lost the race to commit
        Assert.Equal(1L, await Api.ScalarAsync<long>(ApiFactory.PrimaryConnectionString,
            "SELECT count(DISTINCT t.family_id) FROM refresh_tokens t JOIN users u ON u.id = t.user_id WHERE u.normalized_email = 'race.code@example.com' AND t.created_at > u.totp_enabled_at"));
    }

    [Fact]
    public async Task Sensitive_actions_need_a_recent_step_up_with_the_second_factor_where_it_is_on()
    {
        var (tokens, enrolment, codes) = await EnrolledAsync("careful@example.com");
        var refreshed = await (await Client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = tokens.RefreshToken })).ReadAsync<Tokens>();

        await (await Client.SendAsync(HttpMethod.Post, "/api/v1/me/2fa/recovery-codes", refreshed)).ProblemAsync(HttpStatusCode.Unauthorized, "STEP_UP_REQUIRED");
        await (await Client.SendAsync(HttpMethod.Post, "/api/v1/me/password", refreshed, new { currentPassword = Api.Password, newPassword = "another-long-passphrase" }))
            .ProblemAsync(HttpStatusCode.Unauthorized, "STEP_UP_REQUIRED"); // the password alone is not enough here
        await (await Client.SendAsync(HttpMethod.Post, "/api/v1/auth/step-up", refreshed, new { password = Api.Password }))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity, "TWO_FACTOR_CODE_REQUIRED");

        Factory.Clock.At = Start.AddSeconds(30);
        var stepped = await StepUpAsync(refreshed, new { code = Code(enrolment, 1) });
        var renewed = await (await Client.SendAsync(HttpMethod.Post, "/api/v1/me/2fa/recovery-codes", stepped)).ReadAsync<CodeSet>();
        Assert.Empty(renewed.RecoveryCodes.Intersect(codes.RecoveryCodes));
        var oldCode = await Client.PostAsJsonAsync("/api/v1/auth/login/2fa", new { challenge = (await PasswordStepAsync("careful@example.com")).ChallengeValue, recoveryCode = codes.RecoveryCodes[0] });
        await oldCode.ProblemAsync(HttpStatusCode.Unauthorized, "TWO_FACTOR_CODE_INVALID");

        Factory.Clock.At = Start.AddSeconds(30) + TimeSpan.FromMinutes(11);
        await (await Client.SendAsync(HttpMethod.Delete, "/api/v1/me/2fa", stepped)).ProblemAsync(HttpStatusCode.Unauthorized, "STEP_UP_REQUIRED");
        var again = await StepUpAsync(refreshed, new { recoveryCode = renewed.RecoveryCodes[0] });
        Assert.Equal(HttpStatusCode.NoContent, (await Client.SendAsync(HttpMethod.Delete, "/api/v1/me/2fa", again)).StatusCode);

        await Client.LoginAsync("careful@example.com"); // one step again
    }

    [Fact]
    public async Task Admin_actions_need_a_recent_sign_in_or_a_password_step_up()
    {
        var admin = await Client.SignUpAsync("admin@example.com", "Admin");
        var target = await Client.RegisterAsync("target@example.com");
        await (await Client.SendAsync(HttpMethod.Put, $"/api/v1/admin/users/{target.Id}/role", admin, new { role = "Instructor" }))
            .ReadAsync<object>(); // signed in moments ago: that is the step-up

        var refreshed = await (await Client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = admin.RefreshToken })).ReadAsync<Tokens>();
        await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/admin/users/{target.Id}/suspension", refreshed, new { reason = "spam" }))
            .ProblemAsync(HttpStatusCode.Unauthorized, "STEP_UP_REQUIRED");
        await (await Client.SendAsync(HttpMethod.Post, "/api/v1/auth/step-up", refreshed, new { password = "not-my-password" }))
            .ProblemAsync(HttpStatusCode.Unauthorized, "INVALID_CREDENTIALS");

        var stepped = await StepUpAsync(refreshed, new { password = Api.Password });
        await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/admin/users/{target.Id}/suspension", stepped, new { reason = "spam" })).ReadAsync<object>();
    }

    private async Task<(Tokens Tokens, Enrolment Enrolment, CodeSet Codes)> EnrolledAsync(string email)
    {
        Factory.Clock.At = Start;
        var tokens = await Client.SignUpAsync(email);
        var enrolment = await (await Client.SendAsync(HttpMethod.Post, "/api/v1/me/2fa/totp", tokens)).ReadAsync<Enrolment>();
        return (tokens, enrolment, await ConfirmAsync(tokens, enrolment, step: 0));
    }

    private async Task<CodeSet> ConfirmAsync(Tokens tokens, Enrolment enrolment, int step) =>
        await (await Client.SendAsync(HttpMethod.Post, "/api/v1/me/2fa/totp/confirm", tokens, new { code = Code(enrolment, step) })).ReadAsync<CodeSet>();

    private async Task<Challenge> PasswordStepAsync(string email)
    {
        var response = await Client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = Api.Password });
        var body = await response.ReadAsync<Dictionary<string, System.Text.Json.JsonElement>>(HttpStatusCode.Accepted);
        Assert.False(body.ContainsKey("accessToken"));
        return new Challenge(body["challenge"].GetString()!, body["expiresAt"].GetDateTimeOffset());
    }

    private async Task<Tokens> StepUpAsync(Tokens session, object body)
    {
        var access = await (await Client.SendAsync(HttpMethod.Post, "/api/v1/auth/step-up", session, body)).ReadAsync<SteppedUp>();
        return session with { AccessToken = access.AccessToken };
    }

    /// <summary>The authenticator's code <paramref name="step"/> time steps (30 s) after <see cref="Start"/>, when the server's clock is there.</summary>
    private static string Code(Enrolment enrolment, int step) =>
        new Totp(Base32Encoding.ToBytes(enrolment.Secret)).ComputeTotp(Start.AddSeconds(30 * step).UtcDateTime);

    private sealed record MeWithTwoFactor(bool TwoFactorEnabled);
}
