using System.Net;
using LectureHub.IntegrationTests.Support;

namespace LectureHub.IntegrationTests.Platform;

/// <summary>Web clients on another origin (Development allows the local web dev server, http://localhost:5173).</summary>
public sealed class CorsTests(ApiFactory factory) : ApiTest(factory)
{
    private static HttpRequestMessage Preflight(string url, string origin, string method) => new(HttpMethod.Options, url)
    {
        Headers =
        {
            { "Origin", origin },
            { "Access-Control-Request-Method", method },
            { "Access-Control-Request-Headers", "content-type,authorization,idempotency-key" },
        },
    };

    [Fact]
    public async Task A_preflight_from_an_allowed_origin_is_answered_with_credentials_allowed()
    {
        using var response = await Client.SendAsync(Preflight("/api/v1/auth/login", "http://localhost:5173", "POST"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("http://localhost:5173", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal("true", response.Headers.GetValues("Access-Control-Allow-Credentials").Single());
        Assert.Contains("POST", response.Headers.GetValues("Access-Control-Allow-Methods").Single());
        Assert.Contains("idempotency-key", response.Headers.GetValues("Access-Control-Allow-Headers").Single(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_preflight_from_an_unlisted_origin_gets_no_permission()
    {
        using var response = await Client.SendAsync(Preflight("/api/v1/auth/login", "https://evil.example", "POST"));

        Assert.NotEqual(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task An_allowed_origin_can_read_answers_and_their_retry_after_header()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/categories") { Headers = { { "Origin", "http://localhost:5173" } } };

        using var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("http://localhost:5173", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("Retry-After", response.Headers.GetValues("Access-Control-Expose-Headers").Single());
    }
}
