using System.Globalization;
using System.Text.Json;
using FluentValidation;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Domain.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace LectureHub.WebApi.Infrastructure;

/// <summary>The one place where exceptions become RFC 9457 problem details, in every environment.</summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
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
        if (problem.Status >= 500)
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        }

        if (exception is TooManyRequestsException throttled)
        {
            httpContext.Response.Headers.RetryAfter = Math.Ceiling(throttled.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }
        else if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = "5";
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    internal static ProblemDetails ToProblem(Exception exception) => exception switch
    {
        ValidationException validation => Validation(validation),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
            Problem(StatusCodes.Status413PayloadTooLarge, "PAYLOAD_TOO_LARGE", "Request body too large", "The request body exceeds the size limit."),
        BadHttpRequestException { InnerException: JsonException json } =>
            Problem(StatusCodes.Status400BadRequest, "MALFORMED_JSON", "Malformed JSON", json.Message),
        BadHttpRequestException bad => Problem(bad.StatusCode, "BAD_REQUEST", "Bad request", bad.Message),
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
