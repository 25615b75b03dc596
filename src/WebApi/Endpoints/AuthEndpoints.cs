using LectureHub.Application.Auth;
using LectureHub.Application.Auth.Commands;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Application.Users;
using LectureHub.WebApi.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LectureHub.WebApi.Endpoints;

internal static class AuthEndpoints
{
    public static RouteGroupBuilder MapAuthEndpoints(this RouteGroupBuilder api)
    {
        // Refresh and logout need an unguessable token, so only the password endpoints are limited per IP.
        var group = api.MapGroup("/auth").WithTags("Auth").ProducesValidationProblem();

        group.MapPost("/register", async Task<Created<MeDto>> (RegisterCommand command, ISender sender, CancellationToken ct) =>
                TypedResults.Created("/api/v1/me", await sender.Send(command, ct)))
            .RequireRateLimiting(RateLimitSetup.AuthPolicy)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Create a Student or Instructor account");

        group.MapPost("/login", async Task<Ok<TokenPair>> (LoginCommand command, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(command, ct)))
            .RequireRateLimiting(RateLimitSetup.AuthPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Exchange email and password for an access token (15 min) and a refresh token");

        group.MapPost("/refresh", async Task<Ok<TokenPair>> (RefreshTokensCommand command, ISender sender, CancellationToken ct) =>
            {
                var outcome = await sender.Send(command, ct);
                return outcome.Tokens is { } tokens
                    ? TypedResults.Ok(tokens)
                    : throw new UnauthorizedException(outcome.RejectionCode!, "The refresh token cannot be used. Sign in again.");
            })
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Rotate a refresh token; reusing a spent one revokes its whole family");

        group.MapPost("/logout", async Task<NoContent> (LogoutCommand command, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(command, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Revoke the refresh token's family");

        return api;
    }
}
