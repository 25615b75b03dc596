using System.Reflection;
using LectureHub.IntegrationTests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LectureHub.IntegrationTests.Platform;

/// <summary>
/// A reader who knows a route opens one endpoint file: every route under /api/v1/{prefix} is mapped by the class named
/// after its prefix (/video-uploads → VideoUploadEndpoints, /categories → CategoryEndpoints), and by no other.
/// </summary>
public sealed class EndpointLayoutTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public void Every_route_prefix_is_mapped_by_one_endpoint_class_named_after_it()
    {
        var routes = Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true)
            .Select(e => (Prefix: e.RoutePattern.RawText!.Split('/')[3], Mapper: MapperOf(e)))
            .ToList();

        Assert.True(routes.Count > 50, $"only {routes.Count} routes found");
        var wrong = routes.Where(r => r.Mapper != ExpectedMapper(r.Prefix)).Select(r => $"/{r.Prefix} mapped in {r.Mapper}").Distinct().ToList();
        Assert.True(wrong.Count == 0, string.Join("; ", wrong));
    }

    /// <summary>"video-uploads" → "VideoUploadEndpoints", "categories" → "CategoryEndpoints", "me" → "MeEndpoints".</summary>
    private static string ExpectedMapper(string prefix)
    {
        var words = prefix.Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..]).ToArray();
        var last = words[^1];
        words[^1] = last.EndsWith("ies", StringComparison.Ordinal) ? last[..^3] + "y" : last.EndsWith('s') ? last[..^1] : last;
        return string.Concat(words) + "Endpoints";
    }

    /// <summary>The static class whose Map… method declared the handler lambda (its closure is nested in that class).</summary>
    private static string MapperOf(RouteEndpoint endpoint)
    {
        var type = endpoint.Metadata.OfType<MethodInfo>().First().DeclaringType!;
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type.Name;
    }
}
