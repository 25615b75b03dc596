using LectureHub.Application.Payments.Commands;
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

        return api;
    }
}
