using LectureHub.Application.Terms;
using LectureHub.Application.Terms.Queries;
using LectureHub.WebApi.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LectureHub.WebApi.Endpoints;

internal static class TermEndpoints
{
    public static RouteGroupBuilder MapTermEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/terms").WithTags("Terms");

        group.MapGet("/", async Task<Ok<CurrentTerms>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetTermsQuery(), ct)))
            .AllowAnonymous()
            .AllowOutdatedTerms()
            .WithSummary("The terms in force: service and privacy (required to sign up and to go on using the API), marketing (optional), each with its version and Markdown text");

        return api;
    }
}
