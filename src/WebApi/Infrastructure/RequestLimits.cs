using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace LectureHub.WebApi.Infrastructure;

public sealed class RequestLimitOptions
{
    public const string Section = "Requests";

    /// <summary>Largest accepted request body. Uploads get their own, larger limits on their own endpoints.</summary>
    [Range(1024, 1L << 32)]
    public long MaxBodyBytes { get; set; } = 1 << 20;
}

internal static class RequestLimits
{
    /// <summary>
    /// Rejects an oversized body up front by its Content-Length, and caps streamed bodies through the server's
    /// body-size feature, so a bad client gets a 413 problem instead of tying up memory. An endpoint may set its own
    /// limit with <see cref="Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute"/> (uploads).
    /// </summary>
    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app, long defaultMaxBytes) => app.Use(async (context, next) =>
    {
        var maxBytes = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? defaultMaxBytes;
        if (context.Request.ContentLength > maxBytes)
        {
            throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = maxBytes;
        }

        await next(context);
    });
}
