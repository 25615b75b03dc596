using LectureHub.Application.Abstractions;
using LectureHub.Application.Community;
using LectureHub.Application.Community.Commands;
using LectureHub.Application.Community.Queries;
using LectureHub.Domain.Community;
using LectureHub.WebApi.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace LectureHub.WebApi.Endpoints;

internal static class CommentEndpoints
{
    public sealed record CommentChanges(string Body);

    public sealed record CommentModeration(bool Hidden);

    public static RouteGroupBuilder MapCommentEndpoints(this RouteGroupBuilder api)
    {
        api.MapGroup("/comments").WithTags("Community")
            .MapGet("/{id:guid}", async Task<Ok<CommentDto>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetCommentQuery(id), ct)))
            .WithSummary("One comment, as its thread shows it (a link to a comment)");

        var group = api.MapGroup("/comments").WithTags("Community").RequireAuthorization()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPut("/{id:guid}", async Task<Ok<CommentDto>> (Guid id, CommentChanges body, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new EditCommentCommand(id, body.Body), ct);
                return TypedResults.Ok(await sender.Send(new GetCommentQuery(id), ct));
            })
            .WithMetadata(new RequestSizeLimitAttribute(PostEndpoints.MaxWriteBytes))
            .WithSummary("Edit your comment");

        group.MapDelete("/{id:guid}", async Task<NoContent> (Guid id, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new DeleteCommentCommand(id), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Delete your comment (idempotent); it keeps its place in the thread, shown as deleted");

        group.MapPut("/{id:guid}/moderation", async Task<Ok<CommentDto>> (Guid id, CommentModeration body, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new HideCommentCommand(id, body.Hidden), ct);
                return TypedResults.Ok(await sender.Send(new GetCommentQuery(id), ct));
            })
            .RequireAuthorization(AuthSetup.Admin)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Hide a comment, or show it again (Admin)");

        group.MapPut("/{id:guid}/reaction", async Task<Ok<ReactionStateDto>> (Guid id, PostEndpoints.Reaction body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ReactCommand(ReactionTarget.Comment, id, body.Kind), ct)))
            .WithSummary("Like or dislike a comment: one reaction each, switching replaces it (idempotent)");

        group.MapDelete("/{id:guid}/reaction", async Task<Ok<ReactionStateDto>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new UnreactCommand(ReactionTarget.Comment, id), ct)))
            .WithSummary("Take your reaction back (idempotent)");

        group.MapPost("/{id:guid}/reports", async Task<Results<Created<ReportReceipt>, Ok<ReportReceipt>>> (Guid id, PostEndpoints.ReportBody body, ISender sender, CancellationToken ct) =>
                PostEndpoints.Receipt(await sender.Send(new ReportContentCommand(ReportTarget.Comment, id, body.Reason, body.Detail), ct)))
            .RequireWriteQuota(WriteKind.Report)
            .WithSummary("Report a comment to the moderators: 201 the first time, 200 with the same report after");

        return api;
    }
}
