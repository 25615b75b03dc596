using LectureHub.Application.Courses.Queries;
using LectureHub.Application.Enrollments.Queries;
using LectureHub.Application.Learning;
using LectureHub.Application.Learning.Queries;
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

        group.MapGet("/enrollments", async Task<Ok<MyEnrollmentsDto>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListMyEnrollmentsQuery(), ct)))
            .WithSummary("The signed-in user's courses and cohort applications with their status (waitlist position included)");

        group.MapGet("/courses/{id:guid}/progress", async Task<Ok<CourseProgressDto>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetCourseProgressQuery(id), ct)))
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The signed-in student's progress in a course, per lecture, with where to resume (from any device)")
            .WithDescription(LectureEndpoints.ProgressFormulas);

        group.MapGet("/certificates", async Task<Ok<IReadOnlyList<CertificateDto>>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListMyCertificatesQuery(), ct)))
            .WithSummary("The signed-in student's certificates, newest first");

        return api;
    }
}
