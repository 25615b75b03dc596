using LectureHub.Application.Learning;
using LectureHub.Application.Learning.Queries;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LectureHub.WebApi.Endpoints;

internal static class CertificateEndpoints
{
    public static RouteGroupBuilder MapCertificateEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/certificates/{code}", async Task<Ok<CertificateDto>> (string code, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new VerifyCertificateQuery(code), ct)))
            .WithTags("Learning")
            .AllowAnonymous()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Verify a certificate by its code (public): who completed which course, and when")
            .WithDescription("Codes look like LH-7K3M-Q9TZ-2HXA; case and dashes do not matter.");

        return api;
    }
}
