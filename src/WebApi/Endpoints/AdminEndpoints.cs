using LectureHub.Application.Abstractions;
using LectureHub.Application.Audit.Queries;
using LectureHub.Application.Cohorts.Queries;
using LectureHub.Application.Community.Commands;
using LectureHub.Application.Community.Queries;
using LectureHub.Application.Dashboard.Queries;
using LectureHub.Application.Outbox;
using LectureHub.Application.Payments.Queries;
using LectureHub.Application.Settlement;
using LectureHub.Application.Settlement.Commands;
using LectureHub.Application.Settlement.Queries;
using LectureHub.Application.Terms;
using LectureHub.Application.Terms.Commands;
using LectureHub.Application.Users;
using LectureHub.Application.Users.Commands;
using LectureHub.Application.Users.Queries;
using LectureHub.Domain.Users;
using LectureHub.WebApi.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LectureHub.WebApi.Endpoints;

internal static class AdminEndpoints
{
    public sealed record ReportResolutionBody(ReportOutcome Outcome);

    public sealed record RoleBody(Role Role);

    public sealed record SuspensionBody(string Reason);

    public sealed record DecisionBody(bool Approve, string? Reason);

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

        group.MapGet("/dashboard", async Task<Ok<PlatformDashboardDto>> ([AsParameters] GetPlatformDashboardQuery query, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(query, ct)))
            .ProducesValidationProblem()
            .WithSummary("The platform per Korea-time day and per trade over a range (from, to: yyyy-MM-dd, both included; at most 366 days; the last 30 by default)")
            .WithDescription(
                "Sign-ups, active learners, sales, refunds, gross, refunded and net revenue, commission, enrolments and cohort applications. " +
                "Money is summed from the ledger; the days, and the trades, add up to the totals.");

        var applications = group.MapGroup("/cohort-applications").WithTags("Admin cohorts");

        applications.MapGet("/", async Task<Ok<AdminApplicationPage>> ([AsParameters] ListAllApplicationsQuery query, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(query, ct)))
            .ProducesValidationProblem()
            .WithSummary("Applications across every cohort, newest first, by cohort, course, trade, status, applicant (email prefix or name) and when applied");

        applications.MapGet("/export", async (ISender sender, CancellationToken ct, [AsParameters] ListAllApplicationsQuery query) =>
            {
                await sender.Send(query with { Limit = 1 }, ct); // the filters refused with a 400 before the download starts
                return CsvDownload.Of("cohort-applications.csv", ApplicationColumns, CsvDownload.AllPages<AdminApplicationDto>(async cursor =>
                {
                    var page = await sender.Send(query with { Cursor = cursor, Limit = ListAllApplicationsQuery.MaxLimit }, ct);
                    return (page.Items, page.NextCursor);
                }));
            })
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesValidationProblem()
            .WithSummary("The same applications, every page, as a CSV download (UTF-8, times in Korea time)");

        var users = group.MapGroup("/").WithTags("Admin users");

        users.MapGet("/users", async Task<Ok<UserPage>> ([AsParameters] SearchUsersQuery query, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(query, ct)))
            .ProducesValidationProblem()
            .WithSummary("Accounts whose email starts with q or whose name contains it, optionally of one role or suspended only; newest first");

        users.MapPut("/users/{id:guid}/role", async Task<Ok<AdminUserDto>> (Guid id, RoleBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ChangeUserRoleCommand(id, body.Role), ct)))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Change an account's role; taking rights away signs it out everywhere (audited)");

        users.MapPost("/users/{id:guid}/suspension", async Task<Ok<AdminUserDto>> (Guid id, SuspensionBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SuspendUserCommand(id, body.Reason), ct)))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Suspend an account at once: every session ends, its access tokens stop within seconds everywhere, sign-in answers 403 (audited)");

        users.MapDelete("/users/{id:guid}/suspension", async Task<Ok<AdminUserDto>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ReinstateUserCommand(id), ct)))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Lift a suspension (audited)");

        users.MapGet("/instructor-applications", async Task<Ok<IReadOnlyList<InstructorApplicationDto>>> (
                    [AsParameters] ListInstructorApplicationsQuery query, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(query, ct)))
            .ProducesValidationProblem()
            .WithSummary("Applications to teach in a status (pending by default), oldest first");

        users.MapPost("/instructor-applications/{id:guid}/decision", async Task<Ok<InstructorApplicationDto>> (
                    Guid id, DecisionBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new DecideInstructorApplicationCommand(id, body.Approve, body.Reason), ct)))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Approve (the account becomes an Instructor) or reject with a reason; the applicant is emailed (audited)");

        users.MapGet("/audit-log", async Task<Ok<AuditPage>> ([AsParameters] ListAuditLogQuery query, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(query, ct)))
            .ProducesValidationProblem()
            .WithSummary("Admin actions, newest first: who, what, on what, when, before and after; append-only");

        group.MapPost("/terms", async Task<Created<TermsDocumentDto>> (PublishTermsWorkflow workflow, ISender sender, CancellationToken ct) =>
                TypedResults.Created("/api/v1/terms", await sender.Send(workflow, ct)))
            .WithTags("Terms")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Publish the next version of one kind of terms (audited)")
            .WithDescription("A new SERVICE or PRIVACY version is in force at once: every signed-in user's next call answers 403 TERMS_UPDATE_REQUIRED until they agree.");

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

        settlement.MapGet("/statements/export", async (ISender sender, CancellationToken ct, string? month = null) =>
            {
                var statements = await sender.Send(new ListStatementsQuery(AllInstructors: true, month), ct);
                return CsvDownload.Of($"statements{(month is null ? "" : "-" + month)}.csv", StatementColumns, statements.ToAsyncEnumerable());
            })
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("The same statements as a CSV download (UTF-8, times in Korea time)");

        settlement.MapGet("/payout-accounts/{instructorId:guid}", async Task<Ok<PayoutAccountDetailsDto>> (Guid instructorId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetPayoutAccountDetailsQuery(instructorId), ct)))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("An instructor's whole payout account, to transfer a statement (needs a recent step-up)");

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

    /// <summary>The export's columns, named as the JSON names the same fields.</summary>
    private static readonly CsvColumn<AdminApplicationDto>[] ApplicationColumns =
    [
        CsvColumn<AdminApplicationDto>.Id("id", a => a.Id), CsvColumn<AdminApplicationDto>.Id("cohortId", a => a.CohortId),
        CsvColumn<AdminApplicationDto>.Text("cohortTitle", a => a.CohortTitle), CsvColumn<AdminApplicationDto>.Id("categoryId", a => a.CategoryId),
        CsvColumn<AdminApplicationDto>.Id("studentId", a => a.StudentId), CsvColumn<AdminApplicationDto>.Text("studentName", a => a.StudentName),
        CsvColumn<AdminApplicationDto>.Text("studentEmail", a => a.StudentEmail), CsvColumn<AdminApplicationDto>.Text("status", a => a.Status.ToString()),
        CsvColumn<AdminApplicationDto>.Number("waitlistNumber", a => a.WaitlistNumber), CsvColumn<AdminApplicationDto>.Time("appliedAt", a => a.AppliedAt),
        CsvColumn<AdminApplicationDto>.Time("decidedAt", a => a.DecidedAt), CsvColumn<AdminApplicationDto>.Time("cancelledAt", a => a.CancelledAt),
        CsvColumn<AdminApplicationDto>.Number("feeKrw", a => a.FeeKrw), CsvColumn<AdminApplicationDto>.Time("paymentDueAt", a => a.PaymentDueAt),
        CsvColumn<AdminApplicationDto>.Time("paidAt", a => a.PaidAt), CsvColumn<AdminApplicationDto>.Id("orderId", a => a.OrderId),
        CsvColumn<AdminApplicationDto>.Text("rejectionReason", a => a.RejectionReason),
    ];

    private static readonly CsvColumn<StatementDto>[] StatementColumns =
    [
        CsvColumn<StatementDto>.Id("id", s => s.Id), CsvColumn<StatementDto>.Id("instructorId", s => s.InstructorId),
        CsvColumn<StatementDto>.Text("month", s => s.Month), CsvColumn<StatementDto>.Number("salesCount", s => s.SalesCount),
        CsvColumn<StatementDto>.Number("refundCount", s => s.RefundCount), CsvColumn<StatementDto>.Number("grossKrw", s => s.GrossKrw),
        CsvColumn<StatementDto>.Number("refundedKrw", s => s.RefundedKrw), CsvColumn<StatementDto>.Number("commissionKrw", s => s.CommissionKrw),
        CsvColumn<StatementDto>.Number("netKrw", s => s.NetKrw), CsvColumn<StatementDto>.Text("status", s => s.Status.ToString()),
        CsvColumn<StatementDto>.Time("closedAt", s => s.ClosedAt), CsvColumn<StatementDto>.Time("paidAt", s => s.PaidAt),
        CsvColumn<StatementDto>.Text("payoutReference", s => s.PayoutReference),
    ];
}
