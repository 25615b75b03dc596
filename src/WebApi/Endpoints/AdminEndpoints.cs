using LectureHub.Application.Abstractions;
using LectureHub.Application.Community.Commands;
using LectureHub.Application.Community.Queries;
using LectureHub.Application.Outbox;
using LectureHub.Application.Payments.Queries;
using LectureHub.Application.Settlement;
using LectureHub.Application.Settlement.Commands;
using LectureHub.Application.Settlement.Queries;
using LectureHub.WebApi.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LectureHub.WebApi.Endpoints;

internal static class AdminEndpoints
{
    public sealed record ReportResolutionBody(ReportOutcome Outcome);

    /// <summary>How many reports the resolution closed (the one named and the other open ones on its target).</summary>
    public sealed record ReportResolution(int Closed);

    public static RouteGroupBuilder MapAdminEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/admin").WithTags("Admin").RequireAuthorization(AuthSetup.Admin)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/outbox/dead-letters", async Task<Ok<IReadOnlyList<DeadLetterDto>>> (ISender sender, CancellationToken ct, int limit = 100) =>
                TypedResults.Ok(await sender.Send(new ListDeadLettersQuery(limit), ct)))
            .ProducesValidationProblem()
            .WithSummary("Outbox messages (emails, cache purges) that failed every retry, with their last error");

        group.MapPost("/outbox/{id:guid}/retry", async Task<NoContent> (Guid id, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new RetryDeadLetterCommand(id), ct);
                return TypedResults.NoContent();
            })
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Retry a dead letter now, with a fresh retry schedule");

        group.MapGet("/payments/anomalies", async Task<Ok<IReadOnlyList<PaymentAnomalyDto>>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListPaymentAnomaliesQuery(), ct)))
            .WithSummary("Payments no rule could settle (amount mismatch, paid after the order closed, unknown order, canceled at the gateway after payment), newest first");

        group.MapGet("/reports", async Task<Ok<ReportPage>> ([AsParameters] ListReportsQuery query, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(query, ct)))
            .ProducesValidationProblem()
            .WithSummary("The moderation queue: community reports in a status (open by default), oldest first, with what they are about");

        group.MapPost("/reports/{id:guid}/resolution", async Task<Ok<ReportResolution>> (Guid id, ReportResolutionBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(new ReportResolution(await sender.Send(new ResolveReportCommand(id, body.Outcome), ct))))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Resolve a report by hiding its post or comment, or by dismissing it; every open report on the same target closes with it");

        var settlement = group.MapGroup("/settlement");

        settlement.MapPost("/months/{month}/close", async Task<Ok<CloseMonthResult>> (string month, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new CloseMonthWorkflow(month), ct)))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Close a month (yyyy-MM, Korea time) for every instructor: one immutable statement each; safe to repeat")
            .WithDescription(
                "Settles each instructor's sales and refunds not yet in a statement, up to the month's end. 409 STATEMENT_MONTH_OPEN before " +
                "the month has ended in Korea. An instructor whose refunds outweigh their sales is not closed (carriedOver): their entries roll into the next month.");

        settlement.MapGet("/statements", async Task<Ok<IReadOnlyList<StatementDto>>> (ISender sender, CancellationToken ct, string? month = null) =>
                TypedResults.Ok(await sender.Send(new ListStatementsQuery(AllInstructors: true, month), ct)))
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Every instructor's statements, optionally for one month (yyyy-MM)");

        settlement.MapPost("/statements/{id:guid}/mark-paid", async Task<Ok<StatementDto>> (Guid id, MarkPaidBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new MarkStatementPaidCommand(id, body.Reference ?? ""), ct)))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("The statement's payout was transferred: record the bank reference; the payout is written to the ledger (409 STATEMENT_ALREADY_PAID)");

        settlement.MapGet("/trial-balance", async Task<Ok<TrialBalanceDto>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetTrialBalanceQuery(), ct)))
            .WithSummary("The ledger's trial balance: each account's balance; the total is 0 and no transaction is out of balance");

        return api;
    }

    internal sealed record MarkPaidBody(string? Reference);
}
