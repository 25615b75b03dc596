using LectureHub.Application.Payments.Commands;
using LectureHub.Application.Payments.Queries;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LectureHub.WebApi.Endpoints;

/// <summary>/enrollments/{id}/…: what refunding an enrolment would return, and the refund.</summary>
internal static class EnrollmentEndpoints
{
    public static RouteGroupBuilder MapEnrollmentEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/enrollments/{id:guid}").WithTags("Payments").RequireAuthorization().ProducesProblem(StatusCodes.Status401Unauthorized);

        group.MapGet("/refund-quote", async Task<Ok<RefundQuoteDto>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetRefundQuoteQuery(id), ct)))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("What refunding one of your paid enrolments would return now: the order's policy (version and terms), your verified progress, and the amount")
            .WithDescription(
                "Progress is the server-verified course % (Σ covered ÷ Σ duration). Under the default policy: everything paid within 7 days of " +
                "payment while progress is below 10 %; else, within 30 days while below 50 %, what was paid × (100 − progress) % rounded down; " +
                "else nothing (rule None, amount 0). An order keeps the policy it was bought under.");

        group.MapPost("/refund", async Task<Ok<RefundDto>> (Guid id, RefundBody? body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RefundEnrollmentWorkflow(id, body?.Reason), ct)))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Refund one of your paid enrolments at its quote: the gateway cancels that amount, the enrolment ends, the sale is reversed in the ledger")
            .WithDescription(
                "Safe to repeat: asking again resumes the same refund. 409 REFUND_NOT_ALLOWED: the policy gives nothing now. 409 " +
                "REFUND_IN_PROGRESS: another course of the order is being refunded. 422 REFUND_REJECTED: the gateway refused; nothing " +
                "changed. 503 REFUND_PENDING: the gateway did not answer; the refund is kept and completed automatically.");

        return api;
    }

    internal sealed record RefundBody(string? Reason);
}
