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
                var order = await sender.Send(new PlaceOrderCommand(body.CourseIds ?? [], body.CouponCode), ct);
                return TypedResults.Created($"/api/v1/orders/{order.Id}", order);
            })
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Order paid courses: the server computes the amount from their prices (less an optional coupon); the order starts Pending and its id goes to the payment widget")
            .WithDescription(
                "A coupon code takes its discount off the courses it applies to (a platform coupon: all; an instructor's: theirs) and reserves " +
                "one of its uses until the order is paid or ends. 404 COUPON_NOT_FOUND, 409 COUPON_NOT_VALID_NOW / COUPON_NOT_APPLICABLE / " +
                "COUPON_EXHAUSTED. The refund policy, gateway fee and commission in force are frozen on the order (its terms).");

        group.MapPost("/{id:guid}/confirm", async Task<Ok<OrderDto>> (Guid id, ConfirmBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ConfirmOrderWorkflow(id, body.PaymentKey ?? "", body.Amount), ct)))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Confirm the payment the widget authorised: {paymentKey, amount} (amount must be the order's)")
            .WithDescription(
                "The server checks the amount against the order (422 PAYMENT_AMOUNT_MISMATCH, nothing charged), asks the gateway to confirm " +
                "(with an idempotency key), and on DONE marks the order Paid and enrols the student in every course, in one transaction. " +
                "Safe to repeat: a paid order answers with itself. 503 PAYMENT_GATEWAY_UNAVAILABLE: the gateway did not answer; the order " +
                "stays pending and is settled when the gateway reports back. 422 PAYMENT_REJECTED: the gateway refused (its code is in the detail).");

        group.MapGet("/{id:guid}", async Task<Ok<OrderDto>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetOrderQuery(id), ct)))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One of the signed-in student's orders");

        return api;
    }

    internal sealed record PlaceOrderBody(IReadOnlyList<Guid>? CourseIds, string? CouponCode);

    internal sealed record ConfirmBody(string? PaymentKey, long Amount);
}
