using System.Net;
using System.Net.Sockets;
using System.Text;
using LectureHub.IntegrationTests.Media;
using LectureHub.IntegrationTests.Support;

namespace LectureHub.IntegrationTests.Platform;

/// <summary>Requests the server itself refuses (issue #16) answer with a problem and a code, over a real socket.</summary>
[Collection(ApiCollection.Name)]
public sealed class KestrelEdgeTests(KestrelApiFactory factory) : IClassFixture<KestrelApiFactory>, IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(factory.BaseUrl) };

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task A_target_over_8_kb_is_a_414_problem()
    {
        var response = await _http.GetAsync("/api/v1/courses?q=" + new string('a', 10 * 1024));

        await response.ProblemAsync(HttpStatusCode.RequestUriTooLong, "URI_TOO_LONG");
    }

    [Fact]
    public async Task Headers_over_32_kb_are_a_431_problem()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/categories");
        request.Headers.Add("X-Padding", new string('p', 40 * 1024));

        await (await _http.SendAsync(request)).ProblemAsync(HttpStatusCode.RequestHeaderFieldsTooLarge, "HEADERS_TOO_LARGE");
    }

    [Fact]
    public async Task A_non_ascii_header_byte_reaches_the_application_instead_of_a_bare_400()
    {
        var uri = new Uri(factory.BaseUrl);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(uri.Host, uri.Port);
        await using var stream = tcp.GetStream();
        var head = Encoding.ASCII.GetBytes($"GET /api/v1/courses/{Guid.NewGuid()} HTTP/1.1\r\nHost: {uri.Authority}\r\nX-Note: caf");
        await stream.WriteAsync(head.Concat(new byte[] { 0xE9 }).Concat(Encoding.ASCII.GetBytes("\r\nConnection: close\r\n\r\n")).ToArray());

        using var reader = new StreamReader(stream, Encoding.UTF8);
        var answer = await reader.ReadToEndAsync();

        Assert.StartsWith("HTTP/1.1 404", answer, StringComparison.Ordinal);
        Assert.Contains("application/problem+json", answer, StringComparison.Ordinal);
        Assert.Contains("\"code\":\"COURSE_NOT_FOUND\"", answer, StringComparison.Ordinal);
    }
}
