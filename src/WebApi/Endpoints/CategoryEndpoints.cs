using LectureHub.Application.Categories;
using LectureHub.Application.Categories.Commands;
using LectureHub.Application.Categories.Queries;
using LectureHub.WebApi.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LectureHub.WebApi.Endpoints;

internal static class CategoryEndpoints
{
    public sealed record CategoryChanges(string LabelKo, string LabelEn, string Icon, int SortOrder);

    public static RouteGroupBuilder MapCategoryEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/categories").WithTags("Categories");

        group.MapGet("/", async Task<Ok<IReadOnlyList<CategoryDto>>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListCategoriesQuery(), ct)))
            .WithSummary("All trade categories, in display order (cached)");

        var admin = group.MapGroup("/").RequireAuthorization(AuthSetup.Admin)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        admin.MapPost("/", async Task<Created<CategoryDto>> (CreateCategoryCommand command, ISender sender, CancellationToken ct) =>
            {
                var created = await sender.Send(command, ct);
                return TypedResults.Created($"/api/v1/categories/{created.Id}", created);
            })
            .WithSummary("Create a category (Admin)");

        admin.MapPut("/{id:guid}", async Task<Ok<CategoryDto>> (Guid id, CategoryChanges body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new UpdateCategoryCommand(id, body.LabelKo, body.LabelEn, body.Icon, body.SortOrder), ct)))
            .WithSummary("Change a category's labels, icon and order (Admin); the slug is permanent");

        admin.MapDelete("/{id:guid}", async Task<NoContent> (Guid id, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new DeleteCategoryCommand(id), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Delete a category (Admin)");

        return api;
    }
}
