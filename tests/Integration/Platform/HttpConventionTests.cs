using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LectureHub.IntegrationTests.Support;

namespace LectureHub.IntegrationTests.Platform;

public sealed class HttpConventionTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Malformed_json_is_a_400_problem_not_a_500()
    {
        var response = await Client.PostAsync("/api/v1/auth/login", new StringContent("{\"email\": 5", Encoding.UTF8, "application/json"));

        await response.ProblemAsync(HttpStatusCode.BadRequest, "MALFORMED_JSON");
    }

    [Fact]
    public async Task A_wrongly_typed_enum_is_a_400_problem()
    {
        var response = await Client.PostAsJsonAsync("/api/v1/auth/register", new { email = "e@example.com", password = Api.Password, displayName = "e", role = "Wizard", terms = Api.Terms });

        await response.ProblemAsync(HttpStatusCode.BadRequest, "MALFORMED_JSON");
    }

    [Fact]
    public async Task Validation_failures_list_every_bad_field()
    {
        var response = await Client.PostAsJsonAsync("/api/v1/auth/register", new { email = "not-an-email", password = "short", displayName = "" });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.Equal(["displayName", "email", "password", "terms"], problem.Errors!.Keys.Order());
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_413_problem()
    {
        var huge = JsonSerializer.Serialize(new { email = "x@example.com", password = new string('p', 2 << 20) });

        var response = await Client.PostAsync("/api/v1/auth/login", new StringContent(huge, Encoding.UTF8, "application/json"));

        await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "PAYLOAD_TOO_LARGE");
    }

    [Fact]
    public async Task Unknown_routes_are_a_404_problem()
    {
        var response = await Client.GetAsync("/api/v1/does-not-exist");

        await response.ProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task A_tampered_token_is_rejected()
    {
        var tokens = await Client.SignUpAsync("tamper@example.com");
        var forged = tokens with { AccessToken = tokens.AccessToken[..^4] + "AAAA" };

        var response = await Client.SendAsync(HttpMethod.Get, "/api/v1/me", forged);

        await response.ProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
    }

    [Fact]
    public async Task Health_ready_tells_the_public_only_the_verdict_and_admins_the_checks()
    {
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/health/live")).StatusCode);
        Assert.Matches("""^\{"status":"Healthy","standbyLagSeconds":[0-9.]+\}$""", await Client.GetStringAsync("/health/ready"));
        await (await Client.GetAsync("/health/details")).ProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
        var student = await Client.SignUpAsync("student-health@example.com");
        Assert.Equal(HttpStatusCode.Forbidden, (await Client.SendAsync(HttpMethod.Get, "/health/details", student)).StatusCode);

        var admin = await Client.SignUpAsync("admin-health@example.com", "Admin");
        using var ready = JsonDocument.Parse(await (await Client.SendAsync(HttpMethod.Get, "/health/details", admin)).Content.ReadAsStringAsync());

        Assert.Equal("Healthy", ready.RootElement.GetProperty("status").GetString());
        var checks = ready.RootElement.GetProperty("checks");
        foreach (var name in new[] { "primary", "standby", "redis" })
        {
            Assert.Equal("Healthy", checks.GetProperty(name).GetProperty("status").GetString());
        }

        Assert.True(checks.GetProperty("standby").GetProperty("data").GetProperty("inRecovery").GetBoolean());
    }

    [Fact]
    public async Task The_openapi_document_and_the_api_reference_are_served()
    {
        using var openApi = JsonDocument.Parse(await Client.GetStringAsync("/openapi/v1.json"));
        Assert.True(openApi.RootElement.GetProperty("paths").TryGetProperty("/api/v1/auth/login", out _));

        var scalar = await Client.GetAsync("/scalar/v1");
        Assert.Equal(HttpStatusCode.OK, scalar.StatusCode);
        Assert.Contains("text/html", scalar.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_openapi_document_names_required_headers_puts_bearer_only_where_required_and_lists_the_statuses()
    {
        using var openApi = JsonDocument.Parse(await Client.GetStringAsync("/openapi/v1.json"));
        var paths = openApi.RootElement.GetProperty("paths");
        JsonElement Operation(string path, string method) => paths.GetProperty(path).GetProperty(method);
        static IEnumerable<string> Statuses(JsonElement operation) => operation.GetProperty("responses").EnumerateObject().Select(r => r.Name);
        static bool Secured(JsonElement operation) => operation.TryGetProperty("security", out var security) && security.GetArrayLength() > 0;
        static JsonElement? Header(JsonElement operation, string name) => operation.TryGetProperty("parameters", out var parameters)
            ? parameters.EnumerateArray().FirstOrDefault(p => p.GetProperty("in").GetString() == "header" && p.GetProperty("name").GetString() == name) is { ValueKind: JsonValueKind.Object } found ? found : null
            : null;

        Assert.False(openApi.RootElement.TryGetProperty("security", out _));
        Assert.False(Secured(Operation("/api/v1/courses", "get")));
        Assert.False(Secured(Operation("/api/v1/auth/login", "post")));
        Assert.True(Secured(Operation("/api/v1/me", "get")));

        var apply = Operation("/api/v1/cohorts/{id}/applications", "post");
        Assert.True(Header(apply, "Idempotency-Key")?.GetProperty("required").GetBoolean());
        var chunk = paths.EnumerateObject().Single(p => p.Name.TrimEnd('/') == "/api/v1/video-uploads/{id}").Value.GetProperty("put");
        Assert.True(Header(chunk, "Content-Range")?.GetProperty("required").GetBoolean());

        Assert.Contains("404", Statuses(Operation("/api/v1/courses/{id}", "put")));
        Assert.Contains("401", Statuses(Operation("/api/v1/cohorts", "post")));
        Assert.Contains("401", Statuses(Operation("/api/v1/cohorts/{id}/stats", "get")));
        Assert.Contains("400", Statuses(Operation("/api/v1/me/likes", "get")));
        Assert.Contains("503", Statuses(Operation("/api/v1/auth/register", "post")));
    }
}
