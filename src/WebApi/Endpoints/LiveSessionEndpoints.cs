using LectureHub.Application.Live;
using LectureHub.Application.Live.Commands;
using LectureHub.Application.Live.Queries;
using LectureHub.WebApi.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LectureHub.WebApi.Endpoints;

internal static class LiveSessionEndpoints
{
    public static RouteGroupBuilder MapLiveSessionEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/live-sessions").WithTags("Live sessions").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", async Task<Created<LiveSessionDto>> (ScheduleLiveSessionCommand command, ISender sender, CancellationToken ct) =>
            {
                var session = await sender.Send(command, ct);
                return TypedResults.Created($"/api/v1/live-sessions/{session.Id}", session);
            })
            .RequireAuthorization(AuthSetup.Instructor)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Schedule a live session of a course (its instructor or an Admin) or of a cohort (its owner or an Admin), with up to 10 assistants");

        group.MapGet("/{id:guid}", async Task<Ok<LiveSessionDto>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetLiveSessionQuery(id), ct)))
            .WithSummary("A live session, for its host, assistants, the course's enrolled students or the cohort's approved members (and Admins), with the caller's role");

        group.MapPut("/{id:guid}", async Task<Ok<LiveSessionDto>> (Guid id, ReviseLiveSessionCommand command, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(command with { Id = id }, ct)))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Change a scheduled session's title, times or assistants (the host or an Admin; the path gives the id)");

        group.MapPost("/{id:guid}/start", async Task<Ok<LiveSessionDto>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new StartLiveSessionCommand(id), ct)))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Open the session (the host or an Admin), from 30 minutes before its start until its end");

        group.MapPost("/{id:guid}/end", async Task<Ok<LiveSessionDto>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new EndLiveSessionCommand(id), ct)))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("End a live session (the host or an Admin)");

        group.MapPost("/{id:guid}/join", async Task<Ok<LiveSessionDto>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new JoinLiveSessionCommand(id), ct)))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Enter a session: the host and assistants while it is scheduled or live, students once it is live; answers the caller's role");

        group.MapGet("/{id:guid}/calendar.ics", async Task<ContentHttpResult> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Text(await sender.Send(new GetLiveSessionCalendarQuery(id), ct), ICalendar.ContentType))
            .Produces<string>(StatusCodes.Status200OK, "text/calendar")
            .WithSummary("The session as an iCalendar (.ics) event, for whoever may take part in it");

        return group;
    }
}
