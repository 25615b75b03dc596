using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace LectureHub.WebApi.Infrastructure;

/// <summary>
/// Writes every problem as <c>application/problem+json</c>, whatever the request's <c>Accept</c> says. The framework's
/// writer declines when Accept names another type, and then a 404 became a bare status or, through the exception
/// handler, a 500 and the developer page. A client that cannot read JSON still gets the status; one that can always
/// gets the code.
/// </summary>
internal sealed class ProblemWriter(IOptions<ProblemDetailsOptions> options, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : IProblemDetailsWriter
{
    public const string ContentType = "application/problem+json";

    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var problem = context.ProblemDetails;
        problem.Status ??= http.Response.StatusCode;
        problem.Title ??= ReasonPhrases.GetReasonPhrase(problem.Status.Value);
        problem.Type ??= $"https://httpstatuses.io/{problem.Status}";
        options.Value.CustomizeProblemDetails?.Invoke(context);
        return new ValueTask(http.Response.WriteAsJsonAsync(problem, problem.GetType(), json.Value.SerializerOptions, ContentType, http.RequestAborted));
    }
}

/// <summary>
/// The developer exception page lists the request's headers, Authorization and Cookie included. It only ever sees an
/// exception that escaped <see cref="ProblemExceptionHandler"/>; this filter answers it with the same 500 problem in
/// every environment instead.
/// </summary>
internal sealed class NoDeveloperPage(IProblemDetailsService problems, ILogger<NoDeveloperPage> logger) : IDeveloperPageExceptionFilter
{
    public async Task HandleExceptionAsync(ErrorContext errorContext, Func<ErrorContext, Task> next)
    {
        var http = errorContext.HttpContext;
        logger.LogError(errorContext.Exception, "Unhandled exception for {Method} {Path}", http.Request.Method, http.Request.Path);
        if (http.Response.HasStarted)
        {
            return;
        }

        http.Response.Clear();
        http.Response.StatusCode = StatusCodes.Status500InternalServerError;
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = ProblemExceptionHandler.ToProblem(errorContext.Exception) });
    }
}
