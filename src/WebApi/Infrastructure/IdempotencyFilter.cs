using System.Security.Cryptography;
using System.Text.Json;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using Microsoft.AspNetCore.Diagnostics;

namespace LectureHub.WebApi.Infrastructure;

/// <summary>
/// The Idempotency-Key header on an endpoint (IETF draft "The Idempotency-Key HTTP Header Field"): required, and per
/// user. The first request with a key runs and its response (success or 4xx problem) is stored; a retry with the same
/// key and body gets that response again, marked <c>Idempotent-Replayed: true</c>; the same key with another body is
/// 422 IDEMPOTENCY_KEY_REUSED; the same key while the first is still running is 409 IDEMPOTENCY_KEY_IN_USE. A 5xx is
/// not stored, so the client may retry with the same key.
/// </summary>
internal sealed class IdempotencyFilter(IIdempotencyStore store, ICurrentUser currentUser, IEnumerable<IExceptionHandler> exceptionHandlers) : IEndpointFilter
{
    private const string Header = IdempotencyKey.Header;
    public const string ReplayedHeader = "Idempotent-Replayed";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = RequireKey(http);
        var userId = currentUser.RequiredUserId;
        var ct = http.RequestAborted;
        var fingerprint = Fingerprint(context);
        switch (await store.ClaimAsync(userId, key, fingerprint, ct))
        {
            case IdempotencyClaim.Completed done:
                http.Response.Headers[ReplayedHeader] = "true";
                http.Response.StatusCode = done.Response.StatusCode;
                http.Response.ContentType = done.Response.ContentType;
                await http.Response.Body.WriteAsync(done.Response.Body, ct);
                return Results.Empty;
            case IdempotencyClaim.Mismatch:
                throw new UnprocessableException("IDEMPOTENCY_KEY_REUSED", $"This {Header} was used with a different request; use a new key for a new request.");
            case IdempotencyClaim.InFlight:
                throw new ConflictException("IDEMPOTENCY_KEY_IN_USE", $"A request with this {Header} is still being processed; retry shortly.");
        }

        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        var stored = false;
        try
        {
            await RunAsync(context, next);
            if (http.Response.StatusCode < 500)
            {
                // Stored before the client sees it: a retry can only ever get this same answer.
                await store.CompleteAsync(userId, key, fingerprint, new StoredResponse(http.Response.StatusCode, http.Response.ContentType, buffer.ToArray()), CancellationToken.None);
                stored = true;
            }
        }
        finally
        {
            http.Response.Body = original;
            if (!stored)
            {
                await store.ReleaseAsync(userId, key, CancellationToken.None);
            }
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, ct);
        return Results.Empty;
    }

    /// <summary>Runs the endpoint and writes its result, or its error as a problem, into the buffered response.</summary>
    private async Task RunAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        try
        {
            var result = await next(context);
            if (result is IResult written)
            {
                await written.ExecuteAsync(http);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            foreach (var handler in exceptionHandlers)
            {
                if (await handler.TryHandleAsync(http, ex, http.RequestAborted))
                {
                    return;
                }
            }

            throw;
        }
    }

    private static string RequireKey(HttpContext http)
    {
        var values = http.Request.Headers[Header];
        if (values.Count == 0 || string.IsNullOrWhiteSpace(values[0]))
        {
            throw new BadRequestException("IDEMPOTENCY_KEY_REQUIRED", $"Send an {Header} header (e.g. a UUID) so that a retry cannot apply twice.");
        }

        var key = values[0]!;
        return values.Count == 1 && key.Length <= IdempotencyKey.MaxLength && key.All(c => c is > ' ' and <= '~')
            ? key
            : throw new BadRequestException("IDEMPOTENCY_KEY_INVALID", $"{Header} must be one value of 1 to {IdempotencyKey.MaxLength} visible ASCII characters.");
    }

    /// <summary>The request as bound (route values and body), so the same request with other whitespace is still the same.</summary>
    private static byte[] Fingerprint(EndpointFilterInvocationContext context)
    {
        var bound = context.Arguments.Where(a => a is not (null or CancellationToken or Mediator.ISender)).ToList();
        var text = context.HttpContext.Request.Method + " " + context.HttpContext.Request.Path + " " + JsonSerializer.Serialize(bound, bound.GetType());
        return SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text));
    }
}

internal static class IdempotencyEndpointExtensions
{
    public static RouteHandlerBuilder RequireIdempotencyKey(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter<IdempotencyFilter>()
            .WithMetadata(new RequiredHeader(IdempotencyKey.Header, "A key of your choosing (a UUID), the same on every retry of this request."))
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
