using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;

namespace LectureHub.WebApi.Infrastructure;

/// <summary>A header an operation requires; named in the OpenAPI document so generated clients send it.</summary>
internal sealed record RequiredHeader(string Name, string Description);

/// <summary>
/// Makes the OpenAPI document say what the server does, from the same metadata the server acts on, so it cannot
/// drift: Bearer auth only on operations that require it (with 401, and 403 where a role or policy is needed), 404 on
/// operations addressed by a route value, 400, 414 and 431 everywhere (any request can be malformed or oversized), 413 and 415 where a
/// body is read, 429 where a rate limit applies, 503 everywhere (a backing service can be down), and the headers
/// endpoints declare with <see cref="RequiredHeader"/>. HttpConventionTests and the fuzz test hold it to that.
/// </summary>
internal sealed class ApiContractTransformer : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    private const string Scheme = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Scheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "Access token from POST /api/v1/auth/login",
        };
        return Task.CompletedTask;
    }

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var authorize = metadata.OfType<IAuthorizeData>().ToList();
        var statuses = new List<int>
        {
            StatusCodes.Status400BadRequest, StatusCodes.Status414UriTooLong, StatusCodes.Status431RequestHeaderFieldsTooLarge, StatusCodes.Status503ServiceUnavailable,
        };
        if (authorize.Count > 0 && !metadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, context.Document)] = [] }];
            statuses.Add(StatusCodes.Status401Unauthorized);
            if (authorize.Any(a => a.Policy is not null || a.Roles is not null))
            {
                statuses.Add(StatusCodes.Status403Forbidden);
            }
        }

        if (context.Description.ParameterDescriptions.Any(p => p.Source.Id == "Path"))
        {
            statuses.Add(StatusCodes.Status404NotFound);
        }

        if (context.Description.ParameterDescriptions.Any(p => p.Source.Id is "Body" or "Form") || context.Description.SupportedRequestFormats.Count > 0)
        {
            statuses.Add(StatusCodes.Status413PayloadTooLarge);
            statuses.Add(StatusCodes.Status415UnsupportedMediaType);
        }

        if (metadata.OfType<EnableRateLimitingAttribute>().Any() || metadata.OfType<WriteQuotaMetadata>().Any())
        {
            statuses.Add(StatusCodes.Status429TooManyRequests);
        }

        operation.Responses ??= [];
        var problem = await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, cancellationToken);
        foreach (var status in statuses.Select(s => s.ToString(System.Globalization.CultureInfo.InvariantCulture)).Where(s => !operation.Responses.ContainsKey(s)))
        {
            operation.Responses[status] = new OpenApiResponse
            {
                Description = ReasonPhrases.GetReasonPhrase(int.Parse(status, System.Globalization.CultureInfo.InvariantCulture)),
                Content = new Dictionary<string, OpenApiMediaType> { [ProblemWriter.ContentType] = new() { Schema = problem } },
            };
        }

        foreach (var header in metadata.OfType<RequiredHeader>())
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = header.Name,
                In = ParameterLocation.Header,
                Required = true,
                Description = header.Description,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }
    }
}
