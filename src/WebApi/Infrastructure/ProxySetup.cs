using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace LectureHub.WebApi.Infrastructure;

public sealed class ProxyOptions
{
    public const string Section = "Proxies";

    /// <summary>Addresses of reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed (e.g. "10.0.0.5").</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of such proxies in CIDR form (e.g. "10.42.0.0/16" for a cluster's pod network).</summary>
    public string[] KnownNetworks { get; set; } = [];
}

internal static class ProxySetup
{
    /// <summary>
    /// Forwarded headers are believed only from the proxies configured here; none by default, so a client cannot pick
    /// its own address for the per-address limits by sending X-Forwarded-For. The framework's default trusts any
    /// loopback peer, which on a shared host is anyone. Invalid entries stop start-up. See docs/identity.md.
    /// </summary>
    public static IServiceCollection AddLectureHubProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection(ProxyOptions.Section).Get<ProxyOptions>() ?? new ProxyOptions();
        var addresses = proxies.KnownProxies.Select(p => IPAddress.TryParse(p, out var ip) ? ip : throw Invalid("KnownProxies", p)).ToList();
        var networks = proxies.KnownNetworks.Select(n => System.Net.IPNetwork.TryParse(n, out var net) ? net : throw Invalid("KnownNetworks", n)).ToList();
        return services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            addresses.ForEach(options.KnownProxies.Add);
            networks.ForEach(options.KnownIPNetworks.Add);
        });
    }

    /// <summary>
    /// Only when a proxy is configured: with both lists empty the framework's middleware believes every peer, which
    /// is the opposite of "none".
    /// </summary>
    public static IApplicationBuilder UseKnownProxies(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<ForwardedHeadersOptions>>().Value;
        return options.KnownProxies.Count + options.KnownIPNetworks.Count > 0 ? app.UseForwardedHeaders() : app;
    }

    private static InvalidOperationException Invalid(string key, string value) =>
        new($"{ProxyOptions.Section}:{key} has '{value}', which is not an IP address or CIDR network.");
}
