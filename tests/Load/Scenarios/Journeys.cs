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

    private static readonly string[] LoadTags = ["부하"];

    /// <summary>Distinguishes this process's accounts from earlier runs against the same database.</summary>
    public static readonly string RunId = Guid.NewGuid().ToString("N")[..8];

    public static string Email(long sequence, string kind = "u") => $"load-{RunId}-{kind}{sequence}@load.test";

    /// <summary>The agreement every load account signs up with: the first versions of the terms, which `migrate` publishes.</summary>
    public static readonly object Terms = new { service = 1, privacy = 1 };

    public static Task<HttpResponseMessage?> Register(IterationContext ctx, string email) =>
        ctx.Step("register", (http, ct) => http.PostAsJsonAsync("/api/v1/auth/register",
            new { email, password = Password, displayName = "부하 테스트", role = "Student", terms = Terms }, ct), HttpStatusCode.Created);

    /// <summary>Registers and reads the token pair the answer carries: the new user is signed in.</summary>
    public static async Task<Tokens?> SignUp(IterationContext ctx, string email) =>
        await Register(ctx, email) is { } response ? (await response.Content.ReadFromJsonAsync<Registration>(JsonSerializerOptions.Web))?.Tokens : null;

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
    public static async Task RegisterAsync(SetupContext setup, string email, string role) => await RegisterSignedInAsync(setup, email, role);

    /// <summary>One account made during setup (unmeasured), with the tokens registration answers.</summary>
    public static async Task<Tokens> RegisterSignedInAsync(SetupContext setup, string email, string role)
    {
        using var response = await setup.Http.PostAsJsonAsync("/api/v1/auth/register",
            new { email, password = Password, displayName = "부하 테스트", role, terms = Terms }, setup.CancellationToken);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Setup could not register {email}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(setup.CancellationToken)}");
        }

        return (await response.Content.ReadFromJsonAsync<Registration>(JsonSerializerOptions.Web, setup.CancellationToken))!.Tokens;
    }

    /// <summary>Signs an account made in setup in, unmeasured.</summary>
    public static async Task<Tokens> SignInAsync(SetupContext setup, string email)
    {
        using var login = await setup.Http.PostAsJsonAsync("/api/v1/auth/login", new { email, password = Password }, setup.CancellationToken);
        return login.StatusCode == HttpStatusCode.OK
            ? (await login.Content.ReadFromJsonAsync<Tokens>(JsonSerializerOptions.Web, setup.CancellationToken))!
            : throw new InvalidOperationException($"Setup could not sign in {email}: {(int)login.StatusCode}");
    }

    private sealed record Registration(Tokens Tokens);

    private static async Task<Tokens?> ReadTokens(HttpResponseMessage? response) =>
        response is null ? null : await response.Content.ReadFromJsonAsync<Tokens>(JsonSerializerOptions.Web);


    /// <summary>Sends a setup request (unmeasured); any other answer than <paramref name="expected"/> stops the run with the reason.</summary>
    public static async Task<HttpResponseMessage> Expect(SetupContext setup, HttpRequestMessage request, HttpStatusCode expected, string what)
    {
        var response = await setup.Http.SendAsync(request, setup.CancellationToken);
        return response.StatusCode == expected
            ? response
            : throw new InvalidOperationException($"Setup could not {what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(setup.CancellationToken)}");
    }

    /// <summary>The instructor publishes a course of one section with <paramref name="lectures"/> lectures; returns its id and its lectures' ids.</summary>
    public static async Task<(Guid Course, List<Guid> Lectures)> PublishedCourseAsync(
        SetupContext setup, Tokens instructor, string title, long priceKrw, int lectures, int lectureSeconds)
    {
        var categories = (await setup.Http.GetFromJsonAsync<List<IdOnly>>("/api/v1/categories", JsonSerializerOptions.Web, setup.CancellationToken))!;
        var create = Authorized(HttpMethod.Post, "/api/v1/courses", instructor);
        create.Content = JsonContent.Create(new
        {
            categoryId = categories[0].Id, title, summary = "부하 테스트 강의", description = "# 부하 테스트", level = "Beginner",
            language = "ko", priceKrw, tags = LoadTags,
        });
        var course = (await (await Expect(setup, create, HttpStatusCode.Created, "create the course")).Content.ReadFromJsonAsync<IdOnly>(JsonSerializerOptions.Web))!.Id;

        var curriculum = Authorized(HttpMethod.Put, $"/api/v1/courses/{course}/curriculum", instructor);
        curriculum.Content = JsonContent.Create(new
        {
            sections = new[]
            {
                new { title = "1장", lectures = Enumerable.Range(1, lectures).Select(i => new { title = $"1-{i} 강", durationSeconds = lectureSeconds, isFreePreview = false }) },
            },
        });
        await Expect(setup, curriculum, HttpStatusCode.OK, "set the curriculum");
        var published = await Expect(setup, Authorized(HttpMethod.Post, $"/api/v1/courses/{course}/publish", instructor), HttpStatusCode.OK, "publish");
        var draft = (await published.Content.ReadFromJsonAsync<Draft>(JsonSerializerOptions.Web))!;
        return (course, draft.Curriculum.SelectMany(s => s.Lectures).Select(l => l.Id).ToList());
    }

    /// <summary>A positive whole number from the environment, else the fallback.</summary>
    public static int EnvInt(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;

    public sealed record Tokens(string AccessToken, string RefreshToken);

    private sealed record IdOnly(Guid Id);

    private sealed record Draft(List<DraftSection> Curriculum);

    private sealed record DraftSection(List<IdOnly> Lectures);
}
