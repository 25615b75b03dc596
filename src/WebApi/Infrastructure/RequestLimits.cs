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

    /// <summary>Longest target (path and query) answered; longer is 414 URI_TOO_LONG.</summary>
    [Range(1024, 64 * 1024)]
    public int MaxTargetBytes { get; set; } = 8 * 1024;

    /// <summary>Largest total of request headers answered; more is 431 HEADERS_TOO_LARGE.</summary>
    [Range(4 * 1024, 256 * 1024)]
    public int MaxHeaderBytes { get; set; } = 32 * 1024;
}

internal static class RequestLimits
{
    /// <summary>
    /// Kestrel answers its own limits with a bare status and no body, before any middleware runs. So Kestrel's limits
    /// sit at four times ours, and <see cref="UseRequestSizeLimits"/> refuses at ours with a problem and a code; only
    /// a request past four times the limit still meets Kestrel's bare answer. Header values are read as Latin-1, so a
    /// stray non-ASCII byte reaches the application (and its rules) instead of a bare 400.
    /// </summary>
    public static void ApplyTo(RequestLimitOptions limits, Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions kestrel)
    {
        kestrel.Limits.MaxRequestBodySize = limits.MaxBodyBytes;
        kestrel.Limits.MaxRequestLineSize = 4 * limits.MaxTargetBytes;
        kestrel.Limits.MaxRequestHeadersTotalSize = 4 * limits.MaxHeaderBytes;
        kestrel.RequestHeaderEncodingSelector = _ => System.Text.Encoding.Latin1;
    }

    public static IApplicationBuilder UseRequestSizeLimits(this IApplicationBuilder app, RequestLimitOptions limits) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (request.Path.Value?.Length + request.QueryString.Value?.Length > limits.MaxTargetBytes)
        {
            throw new BadHttpRequestException("URI_TOO_LONG", StatusCodes.Status414UriTooLong);
        }

        var headerBytes = 0L;
        foreach (var (name, values) in request.Headers)
        {
            headerBytes += name.Length + 4;
            foreach (var value in values)
            {
                headerBytes += value?.Length ?? 0;
            }
        }

        if (headerBytes > limits.MaxHeaderBytes)
        {
            throw new BadHttpRequestException("HEADERS_TOO_LARGE", StatusCodes.Status431RequestHeaderFieldsTooLarge);
        }

        await next(context);
    });

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
