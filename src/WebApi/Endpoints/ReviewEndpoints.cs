using LectureHub.Application.Reviews;
using LectureHub.Application.Reviews.Commands;
using LectureHub.Application.Reviews.Queries;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LectureHub.WebApi.Endpoints;

internal static class ReviewEndpoints
{
    public sealed record ReplyText(string Reply);

    public static RouteGroupBuilder MapReviewEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/reviews").WithTags("Reviews");

        group.MapGet("/{id:guid}", async Task<Ok<ReviewDto>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetReviewQuery(id), ct)))
            .WithSummary("One review");

        var signedIn = group.MapGroup("/").RequireAuthorization()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status409Conflict);

        signedIn.MapPut("/{id:guid}", async Task<Ok<ReviewDto>> (Guid id, CourseEndpoints.ReviewText body, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new EditReviewCommand(id, body.Rating, body.Body), ct);
                return TypedResults.Ok(await sender.Send(new GetReviewQuery(id), ct));
            })
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Edit your review; the course's rating follows, and the progress shown becomes today's");

        signedIn.MapPut("/{id:guid}/reply", async Task<Ok<ReviewDto>> (Guid id, ReplyText body, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new ReplyToReviewCommand(id, body.Reply), ct);
                return TypedResults.Ok(await sender.Send(new GetReviewQuery(id), ct));
            })
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("The course's instructor replies to a review, once; the reviewer is notified");

        signedIn.MapPut("/{id:guid}/helpful", async Task<Ok<HelpfulStateDto>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new MarkReviewHelpfulCommand(id), ct)))
            .WithSummary("Mark someone else's review helpful: one vote each (idempotent)");

        signedIn.MapDelete("/{id:guid}/helpful", async Task<Ok<HelpfulStateDto>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new UnmarkReviewHelpfulCommand(id), ct)))
            .WithSummary("Take your helpful vote back (idempotent)");

        return api;
    }
}
