using LectureHub.WebApi.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace LectureHub.UnitTests.WebApi;

public sealed class ObservabilitySetupTests
{
    [Theory]
    [InlineData("Production", "json")]
    [InlineData("Staging", "json")]
    [InlineData("Development", "simple")]
    public void Logs_are_json_lines_with_their_scopes_outside_development(string environment, string formatter)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });

        builder.AddLectureHubObservability();
        using var services = builder.Services.BuildServiceProvider();

        Assert.Equal(formatter, services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName ?? "simple");
        if (formatter == "json")
        {
            var json = services.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue;
            Assert.True(json.IncludeScopes && json.UseUtcTimestamp);
        }
    }

    [Theory]
    [InlineData("https://gateway.example/v1/payments/pk_8e0eedea24904eacbf18632997a51efb/cancel?x=1", "https://gateway.example/v1/payments/{key}/cancel")]
    [InlineData("http://127.0.0.1:9000/lecturehub-videos/sources/01a23489-04e8-75bf-a4d3-58f1990c3083", "http://127.0.0.1:9000/lecturehub-videos/sources/{key}")]
    [InlineData("http://127.0.0.1:9000/lecturehub-videos", "http://127.0.0.1:9000/lecturehub-videos")]
    public void A_span_url_drops_the_query_and_masks_key_like_segments(string url, string expected) =>
        Assert.Equal(expected, ObservabilitySetup.RedactedUrl(new Uri(url)));
}
