using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Infrastructure.Identity;

namespace LectureHub.WebApi.Infrastructure;

/// <summary>
/// Every call made with an access token whose agreed terms are older than the required ones in force answers 403
/// TERMS_UPDATE_REQUIRED, except reading and agreeing to the terms, signing out and leaving (<see cref="AllowOutdatedTerms"/>).
/// The comparison reads the token and the in-memory catalog: no query per request.
/// </summary>
internal sealed class TermsGate(ITermsCatalog catalog) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.User.Identity?.IsAuthenticated == true && http.GetEndpoint()?.Metadata.GetMetadata<OutdatedTermsAllowed>() is null)
        {
            var current = await catalog.CurrentAsync(http.RequestAborted);
            if (!current.AreAgreedIn(http.User.FindFirst(JwtTokenService.TermsClaim)?.Value))
            {
                throw new ForbiddenException(
                    "TERMS_UPDATE_REQUIRED",
                    $"The terms have changed: read GET /api/v1/terms, agree with POST /api/v1/me/terms (service {current.Service.Version}, privacy {current.Privacy.Version}) and retry with the access token it answers.");
            }
        }

        return await next(context);
    }
}

internal sealed record OutdatedTermsAllowed;

internal static class TermsGateConventions
{
    /// <summary>Lets a user who has not agreed to the terms in force call this endpoint (reading and agreeing to terms, signing out, leaving).</summary>
    public static TBuilder AllowOutdatedTerms<TBuilder>(this TBuilder endpoint)
        where TBuilder : IEndpointConventionBuilder => endpoint.WithMetadata(new OutdatedTermsAllowed());
}
