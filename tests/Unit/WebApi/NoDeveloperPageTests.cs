using System.Text.Json;
using LectureHub.WebApi.Infrastructure;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LectureHub.UnitTests.WebApi;

public sealed class NoDeveloperPageTests
{
    [Fact]
    public async Task An_exception_that_reaches_the_developer_page_is_a_500_problem_that_echoes_no_credentials()
    {
        var services = new ServiceCollection().AddLogging().AddLectureHubProblemDetails();
        await using var provider = services.BuildServiceProvider();
        var http = new DefaultHttpContext { RequestServices = provider };
        http.Request.Headers.Authorization = "Bearer secret-token";
        http.Request.Headers.Cookie = "session=secret-cookie";
        http.Request.Headers.Accept = "text/html";
        http.Response.Body = new MemoryStream();
        var filter = provider.GetServices<IDeveloperPageExceptionFilter>().OfType<NoDeveloperPage>().Single();
        var pageRendered = false;

        await filter.HandleExceptionAsync(new ErrorContext(http, new InvalidOperationException("at /src/secret/Path.cs")), _ =>
        {
            pageRendered = true;
            return Task.CompletedTask;
        });

        http.Response.Body.Position = 0;
        var body = await new StreamReader(http.Response.Body).ReadToEndAsync();
        Assert.False(pageRendered);
        Assert.Equal(500, http.Response.StatusCode);
        Assert.Equal("application/problem+json", http.Response.ContentType?.Split(';')[0]);
        Assert.Equal("INTERNAL_ERROR", JsonDocument.Parse(body).RootElement.GetProperty("code").GetString());
        Assert.DoesNotContain("secret", body, StringComparison.Ordinal);
    }
}
