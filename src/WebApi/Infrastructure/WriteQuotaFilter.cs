using LectureHub.Application.Abstractions;

namespace LectureHub.WebApi.Infrastructure;

/// <summary>Endpoint metadata: this write counts against the caller's hourly allowance of its kind (429 past it).</summary>
internal sealed record WriteQuotaMetadata(WriteKind Kind);

/// <summary>Takes one write of the endpoint's kind from the signed-in caller's allowance before the request reaches the pipeline.</summary>
internal sealed class WriteQuotaFilter(IWriteQuota quota, ICurrentUser user) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var kind = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<WriteQuotaMetadata>()?.Kind
                   ?? throw new InvalidOperationException("WriteQuotaFilter needs WriteQuotaMetadata; use RequireWriteQuota.");
        await quota.TakeAsync(kind, user.RequiredUserId, context.HttpContext.RequestAborted);
        return await next(context);
    }
}

internal static class WriteQuotaExtensions
{
    public static RouteHandlerBuilder RequireWriteQuota(this RouteHandlerBuilder endpoint, WriteKind kind) =>
        endpoint.WithMetadata(new WriteQuotaMetadata(kind)).AddEndpointFilter<WriteQuotaFilter>();
}
