using LectureHub.Application.Abstractions;
using LectureHub.Application.Operations;
using LectureHub.Application.Payments.Queries;
using LectureHub.WebApi.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LectureHub.WebApi.Endpoints;

internal static class AdminEndpoints
{
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

        return api;
    }
}
