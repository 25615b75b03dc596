using System.Text;
using LectureHub.Domain.Courses;
using LectureHub.Infrastructure.CloudFront;
using LectureHub.Infrastructure.Media;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace LectureHub.WebApi.Infrastructure;

/// <summary>
/// The embedded signed CDN: when no CloudFront distribution is configured, the API serves /cdn/** from the media
/// root's cdn folder and refuses what CloudFront would refuse (a missing, tampered or expired signature, a resource
/// the policy does not cover). Credentials come from the query string or, failing that, from the CloudFront cookies.
/// Playlists fetched with query credentials are served with the same credentials on every URI, so players that
/// cannot send cookies (native iOS/Android players, AirPlay) can follow them.
/// </summary>
internal static class LocalCdn
{
    public const string RequestPath = "/cdn";

    public static IApplicationBuilder UseLocalCdn(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<CloudFrontOptions>>().Value.DistributionUrl.Length > 0)
        {
            return app;
        }

        var root = Path.Combine(app.Services.GetRequiredService<IOptions<MediaOptions>>().Value.Root, "cdn");
        Directory.CreateDirectory(root);
        var files = new PhysicalFileProvider(root);
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".m3u8"] = "application/vnd.apple.mpegurl";
        types.Mappings[".m4s"] = "video/iso.segment";
        types.Mappings[".ts"] = "video/mp2t";
        types.Mappings[".vtt"] = "text/vtt";
        foreach (var material in MaterialType.All)
        {
            types.Mappings[material.Extension] = material.ContentType; // a lecture's materials, named with the extension of their real type
        }

        var verifier = app.Services.GetRequiredService<CloudFrontVerifier>();
        var clock = app.Services.GetRequiredService<TimeProvider>();
        return app.UseWhen(context => context.Request.Path.StartsWithSegments(RequestPath), cdn =>
        {
            cdn.Use(async (context, next) =>
            {
                var (url, credentials, fromQuery) = Read(context.Request);
                var denial = verifier.Check(url, credentials, clock.GetUtcNow(), context.Connection.RemoteIpAddress);
                if (denial != CloudFrontDenial.None)
                {
                    await Refuse(context, denial);
                    return;
                }

                if (fromQuery && credentials!.Policy is not null && context.Request.Path.Value!.EndsWith(".m3u8", StringComparison.Ordinal) &&
                    files.GetFileInfo(context.Request.Path.Value[RequestPath.Length..]) is { Exists: true, PhysicalPath: { } playlist })
                {
                    await ServeSignedPlaylist(context, playlist, Credentials(credentials));
                    return;
                }

                await next(context);
            });
            cdn.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = files,
                RequestPath = RequestPath,
                ContentTypeProvider = types,
                OnPrepareResponse = file => file.Context.Response.Headers.CacheControl =
                    file.File.Name.EndsWith(".m3u8", StringComparison.Ordinal) ? "private, no-cache" : "private, max-age=86400",
            });
        });
    }

    /// <summary>
    /// Appends the session's credentials to every URI of an HLS playlist: URI lines (variants, segments) and the
    /// URI attribute of tags (EXT-X-MAP, EXT-X-MEDIA, EXT-X-I-FRAME-STREAM-INF).
    /// </summary>
    public static string SignPlaylist(string playlist, string credentials)
    {
        var lines = playlist.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            if (line[0] != '#')
            {
                lines[i] = CloudFrontSigner.Append(line, credentials);
                continue;
            }

            var start = line.IndexOf("URI=\"", StringComparison.Ordinal);
            if (start >= 0)
            {
                var end = line.IndexOf('"', start + 5);
                lines[i] = line[..(start + 5)] + CloudFrontSigner.Append(line[(start + 5)..end], credentials) + line[end..];
            }
        }

        return string.Join('\n', lines);
    }

    private static (string Url, CloudFrontCredentials? Credentials, bool FromQuery) Read(HttpRequest request)
    {
        var query = request.Query;
        var kept = query.Where(q => !CloudFrontCredentials.QueryNames.Contains(q.Key))
            .SelectMany(q => q.Value.Select(v => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(v ?? "")))
            .ToList();
        var url = $"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}{request.Path.ToUriComponent()}" +
                  (kept.Count > 0 ? "?" + string.Join('&', kept) : "");
        var fromQuery = CloudFrontCredentials.FromQuery(name => query.TryGetValue(name, out var v) ? v.ToString() : null);
        return fromQuery is not null
            ? (url, fromQuery, true)
            : (url, CloudFrontCredentials.FromCookies(name => request.Cookies[name]), false);
    }

    private static string Credentials(CloudFrontCredentials c) =>
        $"Policy={c.Policy}&Signature={c.Signature}&Key-Pair-Id={c.KeyPairId}" + (c.HashAlgorithm is { } hash ? "&Hash-Algorithm=" + hash : "");

    private static async Task ServeSignedPlaylist(HttpContext context, string path, string credentials)
    {
        var body = Encoding.UTF8.GetBytes(SignPlaylist(await File.ReadAllTextAsync(path, context.RequestAborted), credentials));
        context.Response.ContentType = "application/vnd.apple.mpegurl";
        context.Response.Headers.CacheControl = "private, no-cache";
        context.Response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        }
    }

    private static ValueTask Refuse(HttpContext context, CloudFrontDenial denial)
    {
        var (code, detail) = denial switch
        {
            CloudFrontDenial.MissingCredentials => ("CDN_CREDENTIALS_MISSING", "Signed cookies or a signed URL are required; ask POST /api/v1/lectures/{id}/playback."),
            CloudFrontDenial.Expired => ("CDN_CREDENTIALS_EXPIRED", "The playback credentials have expired; ask for new ones."),
            CloudFrontDenial.NotYetValid => ("CDN_CREDENTIALS_NOT_YET_VALID", "The playback credentials are not valid yet."),
            CloudFrontDenial.ResourceMismatch => ("CDN_RESOURCE_NOT_COVERED", "The credentials do not cover this file."),
            CloudFrontDenial.AddressMismatch => ("CDN_ADDRESS_NOT_ALLOWED", "The credentials were issued for another address."),
            _ => ("CDN_SIGNATURE_INVALID", "The playback credentials are malformed or their signature does not match."),
        };
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = StatusCodes.Status403Forbidden, Title = "Forbidden", Detail = detail, Extensions = { ["code"] = code } },
        });
    }
}
