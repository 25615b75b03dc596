using System.Diagnostics;

namespace LectureHub.WebApi.Infrastructure;

internal static class ProblemDetailsSetup
{
    /// <summary>Every problem response, whatever produced it, carries a stable <c>code</c> and the <c>traceId</c>.</summary>
    public static IServiceCollection AddLectureHubProblemDetails(this IServiceCollection services)
    {
        // Ahead of the framework's writer, which declines when Accept names another type.
        services.AddSingleton<IProblemDetailsWriter, ProblemWriter>();
        services.AddSingleton<Microsoft.AspNetCore.Diagnostics.IDeveloperPageExceptionFilter, NoDeveloperPage>();
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            // The path, not an echo of whatever was sent: a 414 must not answer with the 8 KB it refused.
            problem.Instance ??= context.HttpContext.Request.Path.Value is { Length: > 200 } path ? path[..200] : context.HttpContext.Request.Path;
            problem.Extensions.TryAdd("code", DefaultCode(problem.Status ?? context.HttpContext.Response.StatusCode));
            problem.Extensions["traceId"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();
        return services;
    }

    public static string DefaultCode(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "BAD_REQUEST",
        StatusCodes.Status401Unauthorized => "UNAUTHENTICATED",
        StatusCodes.Status403Forbidden => "FORBIDDEN",
        StatusCodes.Status404NotFound => "NOT_FOUND",
        StatusCodes.Status405MethodNotAllowed => "METHOD_NOT_ALLOWED",
        StatusCodes.Status409Conflict => "CONFLICT",
        StatusCodes.Status413PayloadTooLarge => "PAYLOAD_TOO_LARGE",
        StatusCodes.Status415UnsupportedMediaType => "UNSUPPORTED_MEDIA_TYPE",
        StatusCodes.Status429TooManyRequests => "RATE_LIMITED",
        _ => status >= 500 ? "INTERNAL_ERROR" : "ERROR",
    };
}
