using LectureHub.Application.Enrollments.Commands;
using LectureHub.Application.Enrollments.Queries;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LectureHub.WebApi.Endpoints;

internal static class EnrollmentEndpoints
{
    public static RouteGroupBuilder MapEnrollmentEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/courses/{id:guid}/enrollment", async Task<Results<Created<EnrollmentDto>, Ok<EnrollmentDto>>> (Guid id, ISender sender, CancellationToken ct) =>
            {
                var result = await sender.Send(new EnrollInFreeCourseCommand(id), ct);
                return result.Created
                    ? TypedResults.Created($"/api/v1/me/enrollments", result.Enrollment)
                    : TypedResults.Ok(result.Enrollment);
            })
            .WithTags("Enrollments")
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Enrol in a free published course: 201 the first time, 200 with the same enrolment after; 409 PAYMENT_REQUIRED for paid courses");

        api.MapGet("/me/enrollments", async Task<Ok<MyEnrollmentsDto>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListMyEnrollmentsQuery(), ct)))
            .WithTags("Me")
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithSummary("The signed-in user's courses and cohort applications with their status (waitlist position included)");

        return api;
    }
}
