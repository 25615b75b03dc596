using System.Net;

namespace LectureHub.Load.Runner;

/// <summary>The one HTTP client setup: explicit connection limit, no cookies, no decompression, bounded timeouts.</summary>
public static class LoadHttp
{
    public static HttpClient Create(Uri target, int maxConnections, TimeSpan timeout)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = maxConnections,
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
            ConnectTimeout = TimeSpan.FromSeconds(5),
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            AllowAutoRedirect = false,
        };
        var client = new HttpClient(handler) { BaseAddress = target, Timeout = timeout };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("LectureHub-Load/1.0");
        return client;
    }
}
