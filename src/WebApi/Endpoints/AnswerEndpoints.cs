using LectureHub.Application.Questions.Commands;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace LectureHub.WebApi.Endpoints;

internal static class AnswerEndpoints
{
    public static RouteGroupBuilder MapAnswerEndpoints(this RouteGroupBuilder api)
    {
        api.MapGroup("/answers").WithTags("Questions").RequireAuthorization()
            .MapPut("/{id:guid}", async Task<NoContent> (Guid id, QuestionEndpoints.AnswerText body, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new EditAnswerCommand(id, body.Body), ct);
                return TypedResults.NoContent();
            })
            .WithMetadata(new RequestSizeLimitAttribute(PostEndpoints.MaxWriteBytes))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Edit your answer");
        return api;
    }
}
