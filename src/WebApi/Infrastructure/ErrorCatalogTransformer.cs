using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace LectureHub.WebApi.Infrastructure;

/// <summary>Publishes the error catalogue in the API reference: every problem's stable code, its statuses and meaning.</summary>
internal sealed class ErrorCatalogTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Description =
            "Every error is an RFC 9457 problem (application/problem+json) with a stable `code` and the `traceId`; validation " +
            "problems list each bad field under `errors`. The codes:\n\n" + ErrorCatalog.Markdown();
        return Task.CompletedTask;
    }
}
