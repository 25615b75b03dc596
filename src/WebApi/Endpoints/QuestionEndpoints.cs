using LectureHub.Application.Abstractions;
using LectureHub.Application.Questions;
using LectureHub.Application.Questions.Commands;
using LectureHub.Application.Questions.Queries;
using LectureHub.WebApi.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace LectureHub.WebApi.Endpoints;

internal static class QuestionEndpoints
{
    public sealed record QuestionChanges(string Title, string Body);

    public sealed record AnswerText(string Body);

    public sealed record Acceptance(Guid AnswerId);

    public static RouteGroupBuilder MapQuestionEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/questions").WithTags("Questions");

        group.MapGet("/{id:guid}", async Task<Ok<QuestionDto>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetQuestionQuery(id), ct)))
            .WithSummary("A question with its lecture and moment, and its answers (the accepted one first)");

        var signedIn = group.MapGroup("/").RequireAuthorization()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        signedIn.MapPut("/{id:guid}", async Task<Ok<QuestionDto>> (Guid id, QuestionChanges body, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new EditQuestionCommand(id, body.Title, body.Body), ct);
                return TypedResults.Ok(await sender.Send(new GetQuestionQuery(id), ct));
            })
            .WithMetadata(new RequestSizeLimitAttribute(PostEndpoints.MaxWriteBytes))
            .WithSummary("Edit your question");

        signedIn.MapPost("/{id:guid}/answers", async Task<Created<QuestionDto>> (Guid id, AnswerText body, ISender sender, CancellationToken ct) =>
            {
                var answerId = await sender.Send(new AnswerQuestionCommand(id, body.Body), ct);
                return TypedResults.Created($"/api/v1/answers/{answerId}", await sender.Send(new GetQuestionQuery(id), ct));
            })
            .RequireWriteQuota(WriteKind.Comment)
            .WithMetadata(new RequestSizeLimitAttribute(PostEndpoints.MaxWriteBytes))
            .WithSummary("Answer (the course's instructor or an enrolled student); the asker is notified; returns the question with its answers");

        signedIn.MapPut("/{id:guid}/accepted-answer", async Task<Ok<QuestionDto>> (Guid id, Acceptance body, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new AcceptAnswerCommand(id, body.AnswerId), ct);
                return TypedResults.Ok(await sender.Send(new GetQuestionQuery(id), ct));
            })
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("The asker or the instructor accepts one answer (another replaces it)");

        return api;
    }
}
