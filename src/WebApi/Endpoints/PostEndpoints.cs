using System.Security.Cryptography;
using System.Text;
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

internal static class PostEndpoints
{
    /// <summary>Posts and comments are short: a body past this is refused with 413 before it is read.</summary>
    internal const long MaxWriteBytes = 256 * 1024;

    public sealed record PostText(string Title, string Body);

    public sealed record CommentText(string Body, Guid? ReplyTo = null);

    public sealed record PostModeration(bool? Hidden, bool? Locked, bool? Pinned);

    public sealed record Reaction(ReactionKind Kind);

    public sealed record ReportBody(ReportReason Reason, string? Detail);

    public static RouteGroupBuilder MapPostEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/posts").WithTags("Community");

        group.MapGet("/", async Task<Ok<PostPage>> ([AsParameters] ListPostsQuery query, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(query, ct)))
            .ProducesValidationProblem()
            .WithSummary("Visible posts of a board (boardId) or of all: newest, mostViewed, mostCommented or hot; q finds Korean partial words; keyset cursor");

        group.MapGet("/{id:guid}", async Task<Ok<PostDto>> (Guid id, HttpContext http, ICurrentUser user, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetPostQuery(id, ViewerOf(http, user)), ct)))
            .WithSummary("A post (Markdown source and sanitized HTML); counts one view per viewer per 24 h. A deleted post keeps its thread, without its text");

        group.MapGet("/{id:guid}/comments", async Task<Ok<CommentPage>> (Guid id, ISender sender, CancellationToken ct, string? cursor = null, int limit = ListCommentsQuery.DefaultLimit) =>
                TypedResults.Ok(await sender.Send(new ListCommentsQuery(id, cursor, limit), ct)))
            .ProducesValidationProblem()
            .WithSummary("A post's comments in thread order (each comment, then its replies), oldest first; keyset cursor");

        var writing = group.MapGroup("/").RequireAuthorization()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status409Conflict);

        writing.MapPost("/", async Task<Created<PostDto>> (WritePostCommand command, ISender sender, CancellationToken ct) =>
            {
                var id = await sender.Send(command, ct);
                return TypedResults.Created($"/api/v1/posts/{id}", await sender.Send(new GetPostQuery(id, Viewer: null), ct));
            })
            .RequireWriteQuota(WriteKind.Post)
            .WithMetadata(new RequestSizeLimitAttribute(MaxWriteBytes))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Write a post on a board (Markdown body); returns it as readers will see it");

        writing.MapPut("/{id:guid}", async Task<Ok<PostDto>> (Guid id, PostText body, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new EditPostCommand(id, body.Title, body.Body), ct);
                return TypedResults.Ok(await sender.Send(new GetPostQuery(id, Viewer: null), ct));
            })
            .WithMetadata(new RequestSizeLimitAttribute(MaxWriteBytes))
            .WithSummary("Edit your post's title and body");

        writing.MapDelete("/{id:guid}", async Task<NoContent> (Guid id, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new DeletePostCommand(id), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Delete your post (idempotent); its comment thread stays readable");

        writing.MapPut("/{id:guid}/moderation", async Task<Ok<PostDto>> (Guid id, PostModeration body, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new ModeratePostCommand(id, body.Hidden, body.Locked, body.Pinned), ct);
                return TypedResults.Ok(await sender.Send(new GetPostQuery(id, Viewer: null), ct));
            })
            .RequireAuthorization(AuthSetup.Admin)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Hide, lock (no new comments) or pin a post; omitted flags stay as they are (Admin)");

        writing.MapPut("/{id:guid}/reaction", async Task<Ok<ReactionStateDto>> (Guid id, Reaction body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ReactCommand(ReactionTarget.Post, id, body.Kind), ct)))
            .WithSummary("Like or dislike a post: one reaction each, switching replaces it (idempotent)");

        writing.MapDelete("/{id:guid}/reaction", async Task<Ok<ReactionStateDto>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new UnreactCommand(ReactionTarget.Post, id), ct)))
            .WithSummary("Take your reaction back (idempotent)");

        writing.MapPost("/{id:guid}/comments", async Task<Created<CommentDto>> (Guid id, CommentText body, ISender sender, CancellationToken ct) =>
            {
                var commentId = await sender.Send(new WriteCommentCommand(id, body.ReplyTo, body.Body), ct);
                return TypedResults.Created($"/api/v1/comments/{commentId}", await sender.Send(new GetCommentQuery(commentId), ct));
            })
            .RequireWriteQuota(WriteKind.Comment)
            .WithMetadata(new RequestSizeLimitAttribute(MaxWriteBytes))
            .WithSummary("Comment on a post, or reply to one of its comments (replyTo); locked posts take none");

        writing.MapPost("/{id:guid}/reports", async Task<Results<Created<ReportReceipt>, Ok<ReportReceipt>>> (Guid id, ReportBody body, ISender sender, CancellationToken ct) =>
                Receipt(await sender.Send(new ReportContentCommand(ReportTarget.Post, id, body.Reason, body.Detail), ct)))
            .RequireWriteQuota(WriteKind.Report)
            .WithSummary("Report a post to the moderators: 201 the first time, 200 with the same report after");

        return api;
    }

    internal static Results<Created<ReportReceipt>, Ok<ReportReceipt>> Receipt(ReportReceipt receipt) =>
        receipt.Created ? TypedResults.Created((string?)null, receipt) : TypedResults.Ok(receipt);

    /// <summary>
    /// Who counts as one viewer: a signed-in user by id; anyone else by a hash of address and user agent (never stored
    /// as given; the key lives 24 h in Redis).
    /// </summary>
    private static string ViewerOf(HttpContext http, ICurrentUser user)
    {
        if (user.UserId is { } id)
        {
            return "u" + id.ToString("N");
        }

        var source = $"{http.Connection.RemoteIpAddress}|{http.Request.Headers.UserAgent}";
        return "a" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(source)), 0, 12);
    }
}
