using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using LectureHub.Load.Runner;

namespace LectureHub.Load.Scenarios;

/// <summary>Request building blocks shared by the scenarios, one per API call.</summary>
internal static class Journeys
{
    public const string Password = "load-test-password-1";

    /// <summary>Distinguishes this process's accounts from earlier runs against the same database.</summary>
    public static readonly string RunId = Guid.NewGuid().ToString("N")[..8];

    public static string Email(long sequence, string kind = "u") => $"load-{RunId}-{kind}{sequence}@load.test";

    public static Task<HttpResponseMessage?> Register(IterationContext ctx, string email) =>
        ctx.Step("register", (http, ct) => http.PostAsJsonAsync("/api/v1/auth/register",
            new { email, password = Password, displayName = "부하 테스트", role = "Student" }, ct), HttpStatusCode.Created);

    public static async Task<Tokens?> Login(IterationContext ctx, string email) =>
        await ReadTokens(await ctx.Step("login", (http, ct) => http.PostAsJsonAsync("/api/v1/auth/login", new { email, password = Password }, ct)));

    public static async Task<Tokens?> Refresh(IterationContext ctx, Tokens tokens) =>
        await ReadTokens(await ctx.Step("refresh", (http, ct) => http.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = tokens.RefreshToken }, ct)));

    public static Task<HttpResponseMessage?> Me(IterationContext ctx, Tokens tokens) =>
        ctx.Step("me", (http, ct) => http.SendAsync(Authorized(HttpMethod.Get, "/api/v1/me", tokens), ct));

    public static HttpRequestMessage Authorized(HttpMethod method, string url, Tokens tokens) =>
        new(method, url) { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken) } };

    /// <summary>Creates accounts before the run (unmeasured), four at a time.</summary>
    public static async Task<List<string>> RegisterAccountsAsync(SetupContext setup, int count)
    {
        var emails = Enumerable.Range(0, count).Select(i => Email(i, "feed")).ToList();
        await Parallel.ForEachAsync(emails, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = setup.CancellationToken },
            async (email, _) => await RegisterAsync(setup, email, "Student"));
        return emails;
    }

    /// <summary>One account made during setup (unmeasured); a failure stops the run with the reason.</summary>
    public static async Task RegisterAsync(SetupContext setup, string email, string role)
    {
        using var response = await setup.Http.PostAsJsonAsync("/api/v1/auth/register",
            new { email, password = Password, displayName = "부하 테스트", role }, setup.CancellationToken);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Setup could not register {email}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(setup.CancellationToken)}");
        }
    }

    /// <summary>Signs an account made in setup in, unmeasured.</summary>
    public static async Task<Tokens> SignInAsync(SetupContext setup, string email)
    {
        using var login = await setup.Http.PostAsJsonAsync("/api/v1/auth/login", new { email, password = Password }, setup.CancellationToken);
        return login.StatusCode == HttpStatusCode.OK
            ? (await login.Content.ReadFromJsonAsync<Tokens>(JsonSerializerOptions.Web, setup.CancellationToken))!
            : throw new InvalidOperationException($"Setup could not sign in {email}: {(int)login.StatusCode}");
    }

    private static async Task<Tokens?> ReadTokens(HttpResponseMessage? response) =>
        response is null ? null : await response.Content.ReadFromJsonAsync<Tokens>(JsonSerializerOptions.Web);

    public sealed record Tokens(string AccessToken, string RefreshToken);
}
