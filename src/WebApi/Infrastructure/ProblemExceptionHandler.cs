using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using FluentValidation;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Domain.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace LectureHub.WebApi.Infrastructure;

/// <summary>The one place where exceptions become RFC 9457 problem details, in every environment.</summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
            httpContext.Response.StatusCode = 499;
            return true;
        }

        var problem = ToProblem(exception);
        // A 503 we chose (BUSY, a backlog) is an answer, not a fault: logging each one with its stack would cost the
        // CPU a storm is already short of.
        if (problem.Status >= 500 && exception is not ServiceUnavailableException)
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        }

        var retryAfter = (exception as TooManyRequestsException)?.RetryAfter ?? (exception as ServiceUnavailableException)?.RetryAfter;
        if (retryAfter is { } wait)
        {
            httpContext.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }
        else if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = "5";
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
        return true;
    }

    internal static ProblemDetails ToProblem(Exception exception) => exception switch
    {
        ValidationException validation => Validation(validation),
        BadHttpRequestException { StatusCode: StatusCodes.Status414UriTooLong } =>
            Problem(StatusCodes.Status414UriTooLong, "URI_TOO_LONG", "URI too long", "The path and query are longer than this server accepts."),
        BadHttpRequestException { StatusCode: StatusCodes.Status431RequestHeaderFieldsTooLarge } =>
            Problem(StatusCodes.Status431RequestHeaderFieldsTooLarge, "HEADERS_TOO_LARGE", "Request headers too large", "The request's headers are larger than this server accepts."),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
            Problem(StatusCodes.Status413PayloadTooLarge, "PAYLOAD_TOO_LARGE", "Request body too large", "The request body exceeds the size limit."),
        BadHttpRequestException { InnerException: ControlCharacterException json } => Validation(new ValidationException([new(Field(json.Path), json.Message)])),
        BadHttpRequestException { InnerException: JsonException json } => Problem(StatusCodes.Status400BadRequest, "MALFORMED_JSON", "Malformed JSON", MalformedJson(json)),
        BadHttpRequestException bad => BindingProblem(bad),
        BadRequestException e => Problem(StatusCodes.Status400BadRequest, e.Code, "Bad request", e.Message),
        UnprocessableException e => Problem(StatusCodes.Status422UnprocessableEntity, e.Code, "Unprocessable request", e.Message),
        NotFoundException e => Problem(StatusCodes.Status404NotFound, e.Code, "Not found", e.Message),
        UnauthorizedException e => Problem(StatusCodes.Status401Unauthorized, e.Code, "Unauthenticated", e.Message),
        ForbiddenException e => Problem(StatusCodes.Status403Forbidden, e.Code, "Forbidden", e.Message),
        ConflictException e => Problem(StatusCodes.Status409Conflict, e.Code, "Conflict", e.Message),
        TooManyRequestsException e => Problem(StatusCodes.Status429TooManyRequests, e.Code, "Too many requests", e.Message),
        ServiceUnavailableException e => Problem(StatusCodes.Status503ServiceUnavailable, e.Code, "Service unavailable", e.Message),
        DomainValidationException e => Problem(StatusCodes.Status422UnprocessableEntity, e.Code, "Invalid for this resource", e.Message),
        DomainException e => Problem(StatusCodes.Status409Conflict, e.Code, "Business rule violated", e.Message),
        _ when IsDependencyOutage(exception) =>
            Problem(StatusCodes.Status503ServiceUnavailable, "DEPENDENCY_UNAVAILABLE", "Service unavailable", "A backing service is unavailable. Retry shortly."),
        _ => Problem(StatusCodes.Status500InternalServerError, "INTERNAL_ERROR", "Internal server error", "An unexpected error occurred. Quote the traceId when reporting it."),
    };

    /// <summary>Database or Redis unreachable: the request may succeed later, so 503 with Retry-After rather than 500.</summary>
    private static bool IsDependencyOutage(Exception exception) => exception switch
    {
        Npgsql.NpgsqlException { IsTransient: true } or StackExchange.Redis.RedisConnectionException or StackExchange.Redis.RedisTimeoutException => true,
        Microsoft.EntityFrameworkCore.Storage.RetryLimitExceededException or Microsoft.EntityFrameworkCore.DbUpdateException => exception.InnerException is not null && IsDependencyOutage(exception.InnerException),
        _ => false,
    };

    /// <summary>In the client's terms: where in the body, never the .NET type it was bound to.</summary>
    private static string MalformedJson(JsonException json) => json.Path is null or "$"
        ? "The request body is not valid JSON for this operation, or lacks a field it needs."
        : $"The value at '{json.Path}' is not valid JSON or has the wrong type (line {json.LineNumber + 1}, byte {json.BytePositionInLine + 1}).";

    /// <summary>"$.sections[0].title" becomes "sections[0].title", the way field errors name it.</summary>
    private static string Field(string? jsonPath) => jsonPath is null or "$" ? "body" : jsonPath.TrimStart('$', '.');

    /// <summary>
    /// The framework's binding failures quote C# ("Failed to bind parameter "int limit"", "Implicit body inferred
    /// for parameter…"); say the same thing about the parameter the client sent.
    /// </summary>
    private static ProblemDetails BindingProblem(BadHttpRequestException bad)
    {
        if (bad.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            return Problem(bad.StatusCode, "UNSUPPORTED_MEDIA_TYPE", "Unsupported media type",
                "This operation does not take a body of this Content-Type; the API reference names the one it takes.");
        }

        if (bad.Message.StartsWith("Implicit body inferred", StringComparison.Ordinal) || bad.Message.Contains("from the request body", StringComparison.Ordinal))
        {
            return Problem(StatusCodes.Status400BadRequest, "MALFORMED_JSON", "Malformed JSON", "This operation needs a JSON body, and none was sent.");
        }

        var parameter = BoundParameter().Match(bad.Message);
        return parameter.Success
            ? Validation(new ValidationException([new(parameter.Groups["name"].Value, bad.Message.StartsWith("Required", StringComparison.Ordinal) ? "Required." : "Not a valid value.")]))
            : Problem(bad.StatusCode, "BAD_REQUEST", "Bad request", "The request could not be read.");
    }

    [GeneratedRegex("parameter \"[^\" ]+ (?<name>[^\" ]+)\"")]
    private static partial Regex BoundParameter();

    private static ValidationProblemDetails Validation(ValidationException validation)
    {
        var errors = validation.Errors
            .GroupBy(e => JsonNamingPolicy.CamelCase.ConvertName(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
        return new ValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Validation failed",
            Detail = "One or more fields are invalid.",
            Extensions = { ["code"] = "VALIDATION_FAILED" },
        };
    }

    private static ProblemDetails Problem(int status, string code, string title, string detail) => new()
    {
        Status = status,
        Title = title,
        Detail = detail,
        Extensions = { ["code"] = code },
    };
}
