using LectureHub.Infrastructure.Media;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace LectureHub.WebApi.Infrastructure;

internal static class MediaFiles
{
    /// <summary>
    /// Serves /media from the media root. Every file there is named by its content hash and never changes, so it may be
    /// cached for a year and marked immutable. In production a CDN sits in front of this path.
    /// </summary>
    public static IApplicationBuilder UseMediaFiles(this WebApplication app)
    {
        var root = app.Services.GetRequiredService<IOptions<MediaOptions>>().Value.Root;
        Directory.CreateDirectory(root);
        return app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(root),
            RequestPath = "/media",
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable",
        });
    }
}
