using LectureHub.Application.Community;
using LectureHub.Application.Community.Commands;
using LectureHub.Application.Community.Queries;
using LectureHub.WebApi.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LectureHub.WebApi.Endpoints;

internal static class BoardEndpoints
{
    public sealed record BoardChanges(string NameKo, string NameEn, string? Description, int SortOrder);

    public static RouteGroupBuilder MapBoardEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/boards").WithTags("Community");

        group.MapGet("/", async Task<Ok<IReadOnlyList<BoardDto>>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListBoardsQuery(), ct)))
            .WithSummary("Community boards in display order: the general board and one per trade (cached); posts are at /posts?boardId=");

        var admin = group.MapGroup("/").RequireAuthorization(AuthSetup.Admin)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

        admin.MapPost("/", async Task<Created<BoardDto>> (CreateBoardCommand command, ISender sender, CancellationToken ct) =>
            {
                var board = await sender.Send(command, ct);
                return TypedResults.Created($"/api/v1/boards/{board.Id}", board);
            })
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Add a board, for a trade category (one each) or of its own (Admin)");

        admin.MapPut("/{id:guid}", async Task<Ok<BoardDto>> (Guid id, BoardChanges body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new UpdateBoardCommand(id, body.NameKo, body.NameEn, body.Description, body.SortOrder), ct)))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Rename or reorder a board (Admin); the slug is permanent");

        return api;
    }
}
