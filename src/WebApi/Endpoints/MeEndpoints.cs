using LectureHub.Application.Courses.Queries;
using LectureHub.Application.Users;
using LectureHub.Application.Users.Commands;
using LectureHub.Application.Users.Queries;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LectureHub.WebApi.Endpoints;

internal static class MeEndpoints
{
    public static RouteGroupBuilder MapMeEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/me").WithTags("Me").RequireAuthorization().ProducesProblem(StatusCodes.Status401Unauthorized);

        group.MapGet("/", async Task<Ok<MeDto>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetMeQuery(), ct)))
            .WithSummary("The signed-in user's profile (never stale after the user's own write)");

        group.MapPatch("/", async Task<Ok<MeDto>> (UpdateMeCommand command, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(command, ct)))
            .ProducesValidationProblem()
            .WithSummary("Change the signed-in user's profile; returns the new state");

        group.MapGet("/likes", async Task<Ok<IReadOnlyList<LikedCourseDto>>> (ISender sender, CancellationToken ct, int limit = 50) =>
                TypedResults.Ok(await sender.Send(new ListMyLikesQuery(limit), ct)))
            .WithSummary("Courses the signed-in user liked, newest first");

        return api;
    }
}
