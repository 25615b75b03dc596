using LectureHub.Application.Payments;
using LectureHub.Application.Payments.Commands;
using LectureHub.Application.Payments.Queries;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LectureHub.WebApi.Endpoints;

internal static class OrderEndpoints
{
    public static RouteGroupBuilder MapOrderEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/orders").WithTags("Payments").RequireAuthorization().ProducesProblem(StatusCodes.Status401Unauthorized);

        group.MapPost("/", async Task<Created<OrderDto>> (PlaceOrderBody body, ISender sender, CancellationToken ct) =>
            {
                var order = await sender.Send(new PlaceOrderCommand(body.CourseIds ?? []), ct);
                return TypedResults.Created($"/api/v1/orders/{order.Id}", order);
            })
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Order paid courses: the server computes the amount from their prices; the order starts Pending and its id goes to the payment widget");

        group.MapGet("/{id:guid}", async Task<Ok<OrderDto>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetOrderQuery(id), ct)))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One of the signed-in student's orders");

        return api;
    }

    internal sealed record PlaceOrderBody(IReadOnlyList<Guid>? CourseIds);
}
