using LectureHub.Application.Learning;
using LectureHub.Application.Learning.Commands;
using LectureHub.Application.Learning.Queries;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LectureHub.WebApi.Endpoints;

internal static class LearningEndpoints
{
    private const string Formulas =
        "Coverage is the union of the media intervals heartbeats reported, so rewatching or seeking back adds nothing. " +
        "lecture % = covered seconds ÷ lecture duration; course % = Σ covered ÷ Σ duration over the course's lectures. " +
        "A lecture is complete at ≥ 90 % coverage (and stays complete); a course is complete when every lecture with a length is, " +
        "and completing it issues a certificate. Duration is the playing video's length, or the one the instructor gave before there is a video.";

    public static RouteGroupBuilder MapLearningEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/lectures/{id:guid}/progress", async Task<Accepted<HeartbeatAck>> (Guid id, HeartbeatBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Accepted((string?)null, await sender.Send(
                    new RecordHeartbeatRequest(id, body.SessionId, body.Seq, body.From, body.To, body.Rate, body.Position), ct)))
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
                "buffered and will be saved; progress reflects it within about a second. " + Formulas);

        api.MapGet("/me/courses/{id:guid}/progress", async Task<Ok<CourseProgressDto>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetCourseProgressQuery(id), ct)))
            .WithTags("Learning")
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The signed-in student's progress in a course, per lecture, with where to resume (from any device)")
            .WithDescription(Formulas);

        api.MapGet("/me/certificates", async Task<Ok<IReadOnlyList<CertificateDto>>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListMyCertificatesQuery(), ct)))
            .WithTags("Learning")
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithSummary("The signed-in student's certificates, newest first");

        api.MapGet("/certificates/{code}", async Task<Ok<CertificateDto>> (string code, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new VerifyCertificateQuery(code), ct)))
            .WithTags("Learning")
            .AllowAnonymous()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Verify a certificate by its code (public): who completed which course, and when")
            .WithDescription("Codes look like LH-7K3M-Q9TZ-2HXA; case and dashes do not matter.");

        return api;
    }

    /// <summary>The heartbeat as the player sends it; the lecture comes from the route.</summary>
    internal sealed record HeartbeatBody(string SessionId, long Seq, double From, double To, double Rate, double Position);
}
