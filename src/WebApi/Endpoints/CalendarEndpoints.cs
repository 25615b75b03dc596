using LectureHub.Application.Live;
using LectureHub.Application.Live.Queries;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LectureHub.WebApi.Endpoints;

internal static class CalendarEndpoints
{
    public static RouteGroupBuilder MapCalendarEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/calendar").WithTags("Live sessions").AllowAnonymous();

        group.MapGet("/{token}.ics", async Task<ContentHttpResult> (string token, ISender sender, CancellationToken ct) =>
                TypedResults.Text(await sender.Send(new GetCalendarFeedQuery(token), ct), ICalendar.ContentType))
            .Produces<string>(StatusCodes.Status200OK, "text/calendar")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A secret calendar address's sessions (from 30 days back) as iCalendar; no sign-in, the address is the credential (POST /me/calendar-feed)");

        return group;
    }
}
