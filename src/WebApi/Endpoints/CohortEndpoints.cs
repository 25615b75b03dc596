using LectureHub.Application.Cohorts;
using LectureHub.Application.Cohorts.Commands;
using LectureHub.Application.Cohorts.Queries;
using LectureHub.Application.Payments;
using LectureHub.Application.Payments.Commands;
using LectureHub.Domain.Cohorts;
using LectureHub.WebApi.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LectureHub.WebApi.Endpoints;

internal static class CohortEndpoints
{
    public static RouteGroupBuilder MapCohortEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/cohorts").WithTags("Cohorts");

        group.MapGet("/", async Task<Ok<CohortCardPage>> ([AsParameters] ListCohortsQuery query, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(query, ct)))
            .ProducesValidationProblem()
            .WithSummary("Public cohorts recruiting or about to, soonest deadline first (keyset pages), by trade, course, online, region and class dates, with live seat counts");

        group.MapGet("/{id:guid}", async Task<Ok<CohortDto>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetCohortQuery(id), ct)))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A cohort: schedule, fee, the current form and terms, and live seat counts");

        group.MapPost("/", async Task<Created<CohortDto>> (CreateCohortCommand command, ISender sender, CancellationToken ct) =>
            {
                var cohort = await sender.Send(command, ct);
                return TypedResults.Created($"/api/v1/cohorts/{cohort.Id}", cohort);
            })
            .RequireAuthorization(AuthSetup.Instructor)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Open a cohort (an Instructor for their own course, or an Admin)");

        group.MapPut("/{id:guid}", async Task<Ok<CohortDto>> (Guid id, ReviseCohortCommand command, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(command with { Id = id }, ct)))
            .RequireAuthorization(AuthSetup.Instructor)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Change a cohort (the owner or an Admin; the body is a cohort's full details, the path gives the id; questions and terms only when they change); once people applied, the course, selection, fee, schedule and place are fixed and the seats can only grow");

        group.MapPost("/{id:guid}/cancel", async Task<Ok<CancelledCohortDto>> (Guid id, ReasonRequest request, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new CancelCohortCommand(id, request.Reason), ct)))
            .RequireAuthorization(AuthSetup.Instructor)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Call a cohort off with a reason (the owner or an Admin): every active application is cancelled and its applicant emailed");

        var applications = group.MapGroup("/{id:guid}/applications").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        applications.MapPost("/", async Task<Created<ApplicationDto>> (Guid id, ApplyRequest request, ISender sender, CancellationToken ct) =>
            {
                var application = await sender.Send(new ApplyToCohortCommand(id, request.Answers, request.AcceptedTerms), ct);
                return TypedResults.Created($"/api/v1/cohorts/{id}/applications/{application.Id}", application);
            })
            .RequireIdempotencyKey()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Apply (Idempotency-Key required): Approved while seats last, then Waitlisted, then 409 COHORT_FULL; Applied for REVIEW cohorts");

        applications.MapPost("/{applicationId:guid}/cancel", async Task<Ok<ApplicationDto>> (Guid id, Guid applicationId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new CancelApplicationCommand(id, applicationId), ct)))
            .WithSummary("Withdraw before the class starts; a freed seat goes to the first waitlisted applicant");

        applications.MapPost("/{applicationId:guid}/order", async Task<Ok<OrderDto>> (Guid id, Guid applicationId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new OrderCohortFeeCommand(id, applicationId), ct)))
            .WithTags("Orders")
            .WithSummary("Order the fee of your seat in a paid cohort before its deadline (paymentDueAt); pay it like any order. Asking again returns the pending order")
            .WithDescription("409 APPLICATION_NOT_PAYABLE: no fee is due (not approved, paid already, or the seat was released). 409 PAYMENT_WINDOW_CLOSED: " +
                "the deadline passed and the seat is being offered to the waitlist. A payment started before the deadline keeps the seat until it ends.");

        applications.MapGet("/{applicationId:guid}/refund-quote", async Task<Ok<CohortRefundQuoteDto>> (Guid id, Guid applicationId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetCohortRefundQuoteQuery(id, applicationId), ct)))
            .WithSummary("What refunding your paid seat would return now: the order's frozen policy with nothing watched, and nothing once the class started");

        applications.MapPost("/{applicationId:guid}/refund", async Task<Ok<RefundDto>> (Guid id, Guid applicationId, EnrollmentEndpoints.RefundBody? body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RefundCohortFeeWorkflow(id, applicationId, body?.Reason), ct)))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Give up your paid seat for its quoted refund: the gateway returns it, the seat passes to the waitlist, the sale is reversed in the ledger");

        applications.MapGet("/", async Task<Ok<ApplicationPage>> ([AsParameters] ListApplicationsRequest request, Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListCohortApplicationsQuery(id, request.Status, request.Cursor, request.Limit ?? 50), ct)))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("The review list, oldest first, optionally one status (the owner or an Admin)");

        applications.MapPost("/{applicationId:guid}/approve", async Task<Ok<ApplicationDto>> (Guid id, Guid applicationId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ApproveApplicationCommand(id, applicationId), ct)))
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Approve a reviewed application if a seat is free (the owner or an Admin)");

        applications.MapPost("/{applicationId:guid}/reject", async Task<Ok<ApplicationDto>> (Guid id, Guid applicationId, ReasonRequest request, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RejectApplicationCommand(id, applicationId, request.Reason), ct)))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Reject a reviewed application with a reason (the owner or an Admin)");

        group.MapGet("/{id:guid}/stats", async Task<Ok<CohortStatsDto>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetCohortStatsQuery(id), ct)))
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Seats taken, waitlist length, pending reviews and counts per status (the owner or an Admin)");

        return api;
    }

    internal sealed record ApplyRequest(IReadOnlyList<FormAnswer>? Answers, IReadOnlyList<AcceptedTerm>? AcceptedTerms);

    internal sealed record ReasonRequest(string Reason);

    internal sealed record ListApplicationsRequest(ApplicationStatus? Status, string? Cursor, int? Limit);
}
