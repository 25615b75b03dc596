using LectureHub.WebApi.Infrastructure;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LectureHub.UnitTests.WebApi;

public sealed class CorsSetupTests
{
    private static async Task<CorsResult> EvaluateAsync(Dictionary<string, string?> settings, string origin)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddLectureHubCors(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        await using var provider = services.BuildServiceProvider();
        var http = new DefaultHttpContext { RequestServices = provider };
        http.Request.Method = "GET";
        http.Request.Headers.Origin = origin;
        var policy = await provider.GetRequiredService<ICorsPolicyProvider>().GetPolicyAsync(http, null);
        return provider.GetRequiredService<ICorsService>().EvaluatePolicy(http, policy!);
    }

    [Fact]
    public async Task No_origin_is_allowed_unless_configured()
    {
        var result = await EvaluateAsync([], "http://localhost:5173");

        Assert.False(result.IsOriginAllowed);
    }

    [Fact]
    public async Task A_listed_origin_is_allowed_with_credentials_and_others_are_not()
    {
        var settings = new Dictionary<string, string?> { ["Cors:AllowedOrigins:0"] = "https://app.lecturehub.kr" };

        var listed = await EvaluateAsync(settings, "https://app.lecturehub.kr");
        var other = await EvaluateAsync(settings, "https://app.lecturehub.kr.evil.example");

        Assert.True(listed.IsOriginAllowed && listed.SupportsCredentials);
        Assert.False(other.IsOriginAllowed);
    }

    [Theory]
    [InlineData("app.lecturehub.kr")]
    [InlineData("https://app.lecturehub.kr/")]
    [InlineData("https://app.lecturehub.kr/player")]
    public void An_origin_that_is_not_an_origin_stops_start_up(string origin)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Cors:AllowedOrigins:0"] = origin }).Build();

        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddLectureHubCors(configuration));

        Assert.Contains(origin, error.Message, StringComparison.Ordinal);
    }
}
