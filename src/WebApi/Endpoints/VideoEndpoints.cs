using System.Net.Http.Headers;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Application.Media;
using LectureHub.Application.Media.Commands;
using LectureHub.Application.Media.Queries;
using LectureHub.WebApi.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace LectureHub.WebApi.Endpoints;

internal static class VideoEndpoints
{
    /// <summary>Largest chunk body: the local storage's chunk limit, plus nothing (chunks are raw bytes).</summary>
    private const long MaxChunkBytes = 64L * 1024 * 1024;

    public static RouteGroupBuilder MapVideoEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/lectures/{id:guid}/playback", async Task<Ok<PlaybackDto>> (Guid id, HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var playback = await sender.Send(new AuthorizePlaybackQuery(id, $"{http.Request.Scheme}://{http.Request.Host.ToUriComponent()}"), ct);
                foreach (var cookie in playback.Credentials.Cookies)
                {
                    // Session cookies (no Expires), as AWS recommends: closing the browser drops them; the policy itself expires.
                    http.Response.Cookies.Append(cookie.Name, cookie.Value, new CookieOptions
                    {
                        Path = cookie.Path, Domain = cookie.Domain, HttpOnly = true, Secure = http.Request.IsHttps, SameSite = SameSiteMode.Lax,
                    });
                }

                return TypedResults.Ok(playback);
            })
            .WithTags("Videos")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Playback credentials for a lecture's video (enrolled students, its instructor, Admins; anyone for a free preview). " +
                         "Returns the master playlist URL and CloudFront credentials as signed cookies (also set on this response) and as " +
                         "query parameters (signedMasterUrl, for players without cookies). They expire after the video's length + 30 min (at most 6 h).");

        var group = api.MapGroup("/").WithTags("Videos").RequireAuthorization(AuthSetup.Instructor)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/lectures/{id:guid}/video-uploads", async Task<Created<VideoUploadDto>> (Guid id, StartUpload body, ISender sender, CancellationToken ct) =>
            {
                var upload = await sender.Send(new StartVideoUploadCommand(id, body.FileName ?? "", body.SizeBytes), ct);
                return TypedResults.Created($"/api/v1/video-uploads/{upload.Id}", upload);
            })
            .WithSummary("Open an upload for a lecture's video (its instructor or an Admin; at most 4 GiB). " +
                         "The answer's 'upload' says where the bytes go: with local storage, PUT chunks to its url with Content-Range; with S3 " +
                         "storage, PUT the whole file to its presigned url before expiresAt, then POST /video-uploads/{id}/complete.");

        group.MapPut("/video-uploads/{id:guid}", async Task<Ok<VideoUploadDto>> (Guid id, HttpRequest request, ISender sender, CancellationToken ct) =>
            {
                var (first, last, total) = ParseRange(request);
                return TypedResults.Ok(await sender.Send(new AppendVideoChunkCommand(id, first, last, total, request.Body), ct));
            })
            .WithMetadata(new RequestSizeLimitAttribute(MaxChunkBytes))
            .Accepts<Stream>("application/octet-stream")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithSummary("Send one chunk (at most 64 MiB) with 'Content-Range: bytes first-last/total'. A chunk must start at " +
                         "receivedBytes (else 409 UPLOAD_OFFSET_MISMATCH); the last one closes the upload and ffprobe checks it is a video.");

        group.MapPost("/video-uploads/{id:guid}/complete", async Task<Ok<VideoUploadDto>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new CompleteVideoUploadCommand(id), ct)))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Close an upload whose file went straight to object storage (S3: after the presigned PUT). Storage must hold " +
                         "exactly the declared size (else 409 UPLOAD_INCOMPLETE); then ffprobe checks it is a video and transcoding is queued. Safe to repeat.");

        group.MapPost("/video-uploads/{id:guid}/renditions/{height:int}/retry", async Task<Ok<VideoUploadDto>> (Guid id, int height, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RetryRenditionCommand(id, height), ct)))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Queue one failed rendition again; the others keep their output");

        group.MapPut("/lectures/{id:guid}/subtitles/{language}", async Task<Ok<SubtitleDto>> (Guid id, string language, string? label, HttpRequest request, ISender sender, CancellationToken ct) =>
            {
                using var reader = new StreamReader(request.Body);
                return TypedResults.Ok(await sender.Send(new PutSubtitleCommand(id, language, label, await reader.ReadToEndAsync(ct)), ct));
            })
            .Accepts<string>("text/vtt")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Add or replace a lecture's WebVTT subtitles in one language (BCP 47 tag; ?label= names the track, e.g. 한국어). " +
                         "The lecture's ready video lists them in its master playlist as a SUBTITLES group.");

        group.MapGet("/video-uploads/{id:guid}", async Task<Ok<VideoUploadDto>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetVideoUploadQuery(id), ct)))
            .WithSummary("An upload's state: receivedBytes to resume from, then Queued / Processing (progressPercent, per rendition) / Ready / Failed with the error");

        return api;
    }

    private static (long First, long Last, long Total) ParseRange(HttpRequest request)
    {
        if (!ContentRangeHeaderValue.TryParse(request.Headers.ContentRange, out var range) ||
            range is not { Unit: "bytes", From: { } first, To: { } last, Length: { } total })
        {
            throw new BadRequestException("CONTENT_RANGE_INVALID", "A chunk needs 'Content-Range: bytes first-last/total'.");
        }

        if (request.ContentLength is { } length && length != last - first + 1)
        {
            throw new BadRequestException("CONTENT_RANGE_INVALID", $"Content-Length {length} does not match Content-Range {first}-{last}.");
        }

        return (first, last, total);
    }

    internal sealed record StartUpload(string? FileName, long SizeBytes);
}
