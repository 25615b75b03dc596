using LectureHub.Application.Payments.Commands;
using LectureHub.Application.Settlement;
using LectureHub.Application.Settlement.Commands;
using LectureHub.Application.Settlement.Queries;
using LectureHub.WebApi.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LectureHub.WebApi.Endpoints;

/// <summary>Coupons, the instructor's dashboard and statements, and the Admin's monthly settlement.</summary>
internal static class SettlementEndpoints
{
    public static RouteGroupBuilder MapSettlementEndpoints(this RouteGroupBuilder api)
    {
        var instructor = api.MapGroup("").WithTags("Settlement").RequireAuthorization(AuthSetup.Instructor)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        instructor.MapPost("/coupons", async Task<Created<CouponDto>> (CreateCouponCommand command, ISender sender, CancellationToken ct) =>
            {
                var coupon = await sender.Send(command, ct);
                return TypedResults.Created($"/api/v1/coupons/{coupon.Id}", coupon);
            })
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Make a coupon: an instructor's applies to their own courses; an Admin's with platform=true to every course")
            .WithDescription("Either percentOff (1–90) or amountOffKrw; usable from validFrom until validUntil, at most usageCap times. A discounted course still costs at least 100 KRW.");

        instructor.MapGet("/instructor/dashboard", async Task<Ok<InstructorDashboardDto>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetInstructorDashboardQuery(), ct)))
            .WithSummary("Your sales and what you are owed: sales count, gross, refunds, commission and net, pending (not yet in a statement) vs payable (closed, awaiting payout) vs paid");

        instructor.MapGet("/instructor/statements", async Task<Ok<IReadOnlyList<StatementDto>>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListStatementsQuery(AllInstructors: false), ct)))
            .WithSummary("Your monthly statements, newest first");

        var admin = api.MapGroup("/admin/settlement").WithTags("Admin").RequireAuthorization(AuthSetup.Admin)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        admin.MapPost("/months/{month}/close", async Task<Ok<CloseMonthResult>> (string month, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new CloseMonthRequest(month), ct)))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Close a month (yyyy-MM, Korea time) for every instructor: one immutable statement each; safe to repeat")
            .WithDescription(
                "Settles each instructor's sales and refunds not yet in a statement, up to the month's end. 409 STATEMENT_MONTH_OPEN before " +
                "the month has ended in Korea. An instructor whose refunds outweigh their sales is not closed (carriedOver): their entries roll into the next month.");

        admin.MapGet("/statements", async Task<Ok<IReadOnlyList<StatementDto>>> (ISender sender, CancellationToken ct, string? month = null) =>
                TypedResults.Ok(await sender.Send(new ListStatementsQuery(AllInstructors: true, month), ct)))
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Every instructor's statements, optionally for one month (yyyy-MM)");

        admin.MapPost("/statements/{id:guid}/mark-paid", async Task<Ok<StatementDto>> (Guid id, MarkPaidBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new MarkStatementPaidCommand(id, body.Reference ?? ""), ct)))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("The statement's payout was transferred: record the bank reference; the payout is written to the ledger (409 STATEMENT_ALREADY_PAID)");

        admin.MapGet("/trial-balance", async Task<Ok<TrialBalanceDto>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetTrialBalanceQuery(), ct)))
            .WithSummary("The ledger's trial balance: each account's balance; the total is 0 and no transaction is out of balance");

        return api;
    }

    internal sealed record MarkPaidBody(string? Reference);
}
