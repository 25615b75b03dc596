using LectureHub.Application.Payments.Commands;
using LectureHub.Application.Payments.Queries;
using LectureHub.WebApi.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LectureHub.WebApi.Endpoints;

internal static class CouponEndpoints
{
    public static RouteGroupBuilder MapCouponEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/coupons").WithTags("Settlement").RequireAuthorization(AuthSetup.Instructor)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPost("/", async Task<Created<CouponDto>> (CreateCouponCommand command, ISender sender, CancellationToken ct) =>
            {
                var coupon = await sender.Send(command, ct);
                return TypedResults.Created($"/api/v1/coupons/{coupon.Id}", coupon);
            })
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Make a coupon: an instructor's applies to their own courses; an Admin's with platform=true to every course")
            .WithDescription("Either percentOff (1–90) or amountOffKrw; usable from validFrom until validUntil, at most usageCap times. A discounted course still costs at least 100 KRW.");

        group.MapGet("/", async Task<Ok<CouponPage>> ([AsParameters] ListMyCouponsQuery query, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(query, ct)))
            .ProducesValidationProblem()
            .WithSummary("Your coupons (an Admin's: the platform's), newest first: their use, the paid orders that took them and the discount given");

        group.MapPost("/{id:guid}/disable", async Task<Ok<CouponDto>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new DisableCouponCommand(id), ct)))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Withdraw a coupon: new orders are refused it (COUPON_DISABLED), orders that took it keep their discount");

        return api;
    }
}
