namespace LectureHub.WebApi.Infrastructure;

/// <summary>
/// What an endpoint costs and how it is limited: the label <c>lecturehub.endpoint_class</c> on the HTTP metrics (the
/// alert rules' p95 targets are per class, docs/kpis.md) and the rate limit that applies (docs/observability.md).
/// </summary>
internal enum EndpointClass
{
    /// <summary>GET and HEAD under /api.</summary>
    Read,

    /// <summary>Every other method under /api.</summary>
    Write,

    /// <summary>Bodies of megabytes: video chunks, thumbnails, subtitles.</summary>
    Upload,

    /// <summary>Register and log in: a password hash each.</summary>
    Password,

    /// <summary>Payment gateways' callbacks: never rate-limited (a refused webhook is redelivered later), only size-limited.</summary>
    Webhook,

    /// <summary>Not the API: health, documents, the demo player, the local CDN and media.</summary>
    System,
}

internal sealed record EndpointClassMetadata(EndpointClass Class);

internal static class EndpointClasses
{
    private static readonly string[] Labels = Enum.GetNames<EndpointClass>().Select(n => n.ToLowerInvariant()).ToArray();

    public static EndpointClass Of(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<EndpointClassMetadata>() is { } declared)
        {
            return declared.Class;
        }

        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            return EndpointClass.System;
        }

        return HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) ? EndpointClass.Read : EndpointClass.Write;
    }

    public static string Label(this EndpointClass endpointClass) => Labels[(int)endpointClass];

    /// <summary>Declares an endpoint's class where its method alone would say otherwise.</summary>
    public static TBuilder InClass<TBuilder>(this TBuilder endpoint, EndpointClass endpointClass)
        where TBuilder : IEndpointConventionBuilder => endpoint.WithMetadata(new EndpointClassMetadata(endpointClass));
}
