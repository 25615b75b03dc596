using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LectureHub.Load.Runner;
using OtpNet;

namespace LectureHub.Load.Scenarios;

/// <summary>
/// Returning users with two-factor sign-in on: the password step (202 and a challenge), the code step, then me.
/// The server accepts each TOTP time step once per account, so an account signs in about once per 30 s (the current
/// step, or the next, which the drift window allows); the feed moves on to an account with a step left.
/// </summary>
internal static class TwoFactorLogin
{
    public static readonly Scenario Scenario = new()
    {
        Name = "login-2fa",
        Description = "Returning users with TOTP on: login (202 challenge) → login/2fa with the authenticator's code → me. " +
                      "Setup enrols LH_2FA_ACCOUNTS (default 600) accounts; each signs in about once per 30 s, as the server accepts a code once.",
        DefaultModel = LoadModel.Closed(users: 8),
        Setup = async setup => setup.Share("accounts", new Feed<Account>(await EnrolAsync(setup, Journeys.EnvInt("LH_2FA_ACCOUNTS", 600)))),
        Iteration = async ctx =>
        {
            var feed = ctx.Shared<Feed<Account>>("accounts");
            var (account, code) = await NextCodeAsync(feed, ctx.CancellationToken);
            var password = await ctx.Step("login", (http, ct) => http.PostAsJsonAsync("/api/v1/auth/login", new { email = account.Email, password = Journeys.Password }, ct),
                HttpStatusCode.Accepted);
            if (password is null || await password.Content.ReadFromJsonAsync<Challenge>(JsonSerializerOptions.Web) is not { } challenge)
            {
                return;
            }

            var signedIn = await ctx.Step("login-2fa", (http, ct) => http.PostAsJsonAsync("/api/v1/auth/login/2fa", new { challenge = challenge.Value, code }, ct));
            if (signedIn is not null && await signedIn.Content.ReadFromJsonAsync<Journeys.Tokens>(JsonSerializerOptions.Web) is { } tokens)
            {
                await Journeys.Me(ctx, tokens);
            }
        },
    };

    /// <summary>
    /// The next account with a code left in this time step. When every one has spent its codes (the rate is above
    /// one sign-in per account per 30 s), the iteration waits for the next step, which the report shows as a lower
    /// rate: raise LH_2FA_ACCOUNTS.
    /// </summary>
    private static async Task<(Account Account, string Code)> NextCodeAsync(Feed<Account> feed, CancellationToken ct)
    {
        while (true)
        {
            for (var tried = 0; tried < feed.Count; tried++)
            {
                var account = feed.Next();
                if (account.TakeCode(DateTimeOffset.UtcNow) is { } code)
                {
                    return (account, code);
                }
            }

            await Task.Delay(TimeSpan.FromSeconds(30 - (DateTimeOffset.UtcNow.ToUnixTimeSeconds() % 30)), ct);
        }
    }

    private sealed record Challenge([property: System.Text.Json.Serialization.JsonPropertyName("challenge")] string Value);

    private sealed record Enrolment(string Secret);

    /// <summary>Registers accounts and turns TOTP on for each (unmeasured), four at a time.</summary>
    private static async Task<List<Account>> EnrolAsync(SetupContext setup, int count)
    {
        var accounts = new Account[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = setup.CancellationToken },
            async (i, ct) =>
            {
                var email = Journeys.Email(i, "totp");
                var tokens = await Journeys.RegisterSignedInAsync(setup, email, "Student");
                var enrol = await Journeys.Expect(setup, Journeys.Authorized(HttpMethod.Post, "/api/v1/me/2fa/totp", tokens), HttpStatusCode.OK, "start TOTP enrolment");
                var secret = (await enrol.Content.ReadFromJsonAsync<Enrolment>(JsonSerializerOptions.Web, ct))!.Secret;
                var account = new Account(email, Base32Encoding.ToBytes(secret));
                var confirm = Journeys.Authorized(HttpMethod.Post, "/api/v1/me/2fa/totp/confirm", tokens);
                confirm.Content = JsonContent.Create(new { code = account.TakeCode(DateTimeOffset.UtcNow) });
                await Journeys.Expect(setup, confirm, HttpStatusCode.OK, "confirm TOTP");
                accounts[i] = account;
            });
        return [.. accounts];
    }

    /// <summary>An enrolled account and the last time step this generator spent for it (the server's rule, mirrored).</summary>
    internal sealed class Account(string email, byte[] key)
    {
        private readonly Totp _totp = new(key);
        private long _lastStep;

        public string Email { get; } = email;

        /// <summary>The code of the current step, or of the next one once the current is spent; null when both are.</summary>
        public string? TakeCode(DateTimeOffset now)
        {
            lock (_totp)
            {
                var current = now.ToUnixTimeSeconds() / 30;
                var step = _lastStep < current ? current : _lastStep == current ? current + 1 : 0;
                if (step == 0)
                {
                    return null;
                }

                _lastStep = step;
                return _totp.ComputeTotp(DateTimeOffset.FromUnixTimeSeconds(step * 30).UtcDateTime);
            }
        }
    }
}
