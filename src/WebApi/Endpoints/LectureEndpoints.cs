using LectureHub.Application.Courses;
using LectureHub.Application.Courses.Commands;
using LectureHub.Application.Courses.Queries;
using LectureHub.Application.Learning.Commands;
using LectureHub.Application.Media;
using LectureHub.Application.Media.Commands;
using LectureHub.Application.Media.Queries;
using LectureHub.Domain.Courses;
using LectureHub.WebApi.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace LectureHub.WebApi.Endpoints;

/// <summary>/lectures/{id}/…: playback, watch heartbeats, the video upload, subtitles and materials of one lecture.</summary>
internal static class LectureEndpoints
{
    /// <summary>How progress is computed; the heartbeat and the progress screen both describe it.</summary>
    internal const string ProgressFormulas =
        "Coverage is the union of the media intervals heartbeats reported, so rewatching or seeking back adds nothing. " +
        "lecture % = covered seconds ÷ lecture duration; course % = Σ covered ÷ Σ duration over the course's lectures. " +
        "A lecture is complete at ≥ 90 % coverage (and stays complete); a course is complete when every lecture with a length is, " +
        "and completing it issues a certificate. Duration is the playing video's length, or the one the instructor gave before there is a video.";

    public static RouteGroupBuilder MapLectureEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/lectures/{id:guid}");

        group.MapPost("/playback", async Task<Ok<PlaybackDto>> (Guid id, HttpContext http, ISender sender, CancellationToken ct) =>
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
            .WithTags("Media")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Playback credentials for a lecture's video (enrolled students, its instructor, Admins; anyone for a free preview). " +
                         "Returns the master playlist URL and CloudFront credentials as signed cookies (also set on this response) and as " +
                         "query parameters (signedMasterUrl, for players without cookies). They expire after the video's length + 30 min (at most 6 h).");

        group.MapPost("/progress", async Task<Accepted<HeartbeatAck>> (Guid id, HeartbeatBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Accepted((string?)null, await sender.Send(
                    new RecordHeartbeatWorkflow(id, body.SessionId, body.Seq, body.From, body.To, body.Rate, body.Position), ct)))
            .WithTags("Learning")
            .RequireAuthorization()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Watch heartbeat: what the player played since the last one")
            .WithDescription(
                "Send one every ~10 s while playing, and on pause, seek and close. sessionId is the watchSessionId of POST /lectures/{id}/playback " +
                "(a session counts from then); seq increases by one per heartbeat (a repeat is answered as a duplicate and counted once, so retry freely). [from, to) is the " +
                "media interval played since the last heartbeat at this rate (0.25–2), position where the player is now, all in seconds. " +
                "The server believes at most the wall-clock time since the session's last heartbeat × rate × 1.1 (plus up to 30 s left " +
                "unused by earlier heartbeats): more is 422 PROGRESS_IMPLAUSIBLE and nothing is recorded. 409 WATCH_SESSION_SUPERSEDED: a " +
                "newer session (another device) has sent heartbeats. 404 WATCH_SESSION_NOT_FOUND: not your session for this lecture, or older than a day; ask for playback again. 202 means the heartbeat is " +
                "buffered and will be saved; progress reflects it within about a second. " + ProgressFormulas);

        group.MapGet("/materials", async Task<Ok<IReadOnlyList<MaterialDto>>> (Guid id, HttpContext http, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListMaterialsQuery(id, $"{http.Request.Scheme}://{http.Request.Host.ToUriComponent()}"), ct)))
            .WithTags("Media")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A lecture's materials (handouts, drawings, photos), oldest first, each with a signed downloadUrl valid for an hour " +
                         "(for whoever may watch the lecture: enrolled students, its instructor, Admins; anyone for a free preview)");

        var authoring = group.MapGroup("/").WithTags("Media").RequireAuthorization(AuthSetup.Instructor)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        authoring.MapPost("/video-uploads", async Task<Created<VideoUploadDto>> (Guid id, StartUpload body, ISender sender, CancellationToken ct) =>
            {
                var upload = await sender.Send(new StartVideoUploadCommand(id, body.FileName ?? "", body.SizeBytes), ct);
                return TypedResults.Created($"/api/v1/video-uploads/{upload.Id}", upload);
            })
            .WithSummary("Open an upload for a lecture's video (its instructor or an Admin; at most 4 GiB). " +
                         "The answer's 'upload' says where the bytes go: with local storage, PUT chunks to its url with Content-Range; with S3 " +
                         "storage, PUT the whole file to its presigned url before expiresAt, then POST /video-uploads/{id}/complete.");

        authoring.MapPut("/subtitles/{language}", async Task<Ok<SubtitleDto>> (Guid id, string language, string? label, HttpRequest request, ISender sender, CancellationToken ct) =>
            {
                using var reader = new StreamReader(request.Body);
                return TypedResults.Ok(await sender.Send(new PutSubtitleCommand(id, language, label, await reader.ReadToEndAsync(ct)), ct));
            })
            .Accepts<string>("text/vtt")
            .InClass(EndpointClass.Upload)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Add or replace a lecture's WebVTT subtitles in one language (BCP 47 tag; ?label= names the track, e.g. 한국어). " +
                         "The lecture's ready video lists them in its master playlist as a SUBTITLES group.");

        authoring.MapPost("/materials", async Task<Created<MaterialDto>> (Guid id, IFormFile file, ISender sender, CancellationToken ct) =>
            {
                await using var content = file.OpenReadStream();
                var material = await sender.Send(new AttachMaterialCommand(id, file.FileName, content, file.Length), ct);
                return TypedResults.Created($"/api/v1/lectures/{id}/materials", material);
            })
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(LectureMaterial.MaxBytes + (64 * 1024)))
            .InClass(EndpointClass.Upload)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Attach a file to a lecture (multipart field 'file', at most 50 MB, 20 per lecture): a PDF, a PNG, JPEG or WebP image, " +
                         "or an AutoCAD DWG or DXF drawing, recognised by its bytes; it is named after the upload with its real type's extension");

        authoring.MapDelete("/materials/{materialId:guid}", async Task<NoContent> (Guid id, Guid materialId, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new RemoveMaterialCommand(id, materialId), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Remove a lecture's material; its file leaves the CDN once the removal commits");

        return api;
    }

    /// <summary>The heartbeat as the player sends it; the lecture comes from the route.</summary>
    internal sealed record HeartbeatBody(string SessionId, long Seq, double From, double To, double Rate, double Position);

    internal sealed record StartUpload(string? FileName, long SizeBytes);
}
