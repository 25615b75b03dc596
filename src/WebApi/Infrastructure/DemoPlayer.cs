using Microsoft.Extensions.FileProviders;

namespace LectureHub.WebApi.Infrastructure;

/// <summary>
/// The demo player page at <c>/demo/</c>, in Development only: static files from tools/player copied next to the
/// build (hls.js included once <c>npm ci</c> has run there). It calls the API from the same origin, like any client.
/// </summary>
internal static class DemoPlayer
{
    public const string Path = "/demo";

    public static WebApplication UseDemoPlayer(this WebApplication app)
    {
        var root = System.IO.Path.Combine(AppContext.BaseDirectory, "demo");
        if (!app.Environment.IsDevelopment() || !Directory.Exists(root))
        {
            return app;
        }

        if (!File.Exists(System.IO.Path.Combine(root, "hls.min.js")))
        {
            app.Logger.LogWarning("The demo player at {Path}/ has no hls.js: run npm ci in tools/player, then build again", Path);
        }

        app.UseFileServer(new FileServerOptions
        {
            FileProvider = new PhysicalFileProvider(root),
            RequestPath = Path,
            StaticFileOptions = { OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "no-cache" },
        });
        return app;
    }
}
