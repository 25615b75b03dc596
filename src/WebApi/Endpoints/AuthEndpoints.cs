using LectureHub.Application.Abstractions;
using LectureHub.Application.Auth;
using LectureHub.Application.Auth.Commands;
using LectureHub.Application.Common.Exceptions;
using LectureHub.WebApi.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LectureHub.WebApi.Endpoints;

internal static class AuthEndpoints
{
    /// <summary>The device marker of docs/identity.md: proof that this client signed in to the account before.</summary>
    public const string DeviceCookie = "lh_device";

    public static RouteGroupBuilder MapAuthEndpoints(this RouteGroupBuilder api)
    {
        // Signing in, out and up, and proving it's you, work whatever terms the caller's token agreed to.
        var group = api.MapGroup("/auth").WithTags("Auth").AllowOutdatedTerms().ProducesValidationProblem();

        group.MapPost("/register", async Task<Created<Registration>> (RegisterWorkflow workflow, ISender sender, CancellationToken ct) =>
                TypedResults.Created("/api/v1/me", await sender.Send(workflow, ct)))
            .InClass(EndpointClass.Password)
            .AddEndpointFilter<HashingAdmission>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Create a Student or Instructor account, signed in (the answer carries a token pair)");

        group.MapPost("/login", async Task<Results<Ok<TokenPair>, Accepted<TwoFactorChallenge>>> (LoginWorkflow workflow, HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var signedIn = await sender.Send(workflow with
                {
                    Source = http.Connection.RemoteIpAddress?.ToString(),
                    DeviceToken = http.Request.Cookies[DeviceCookie],
                }, ct);
                return signedIn.Challenge is { } challenge ? TypedResults.Accepted((string?)null, challenge) : SignedIn(http, signedIn);
            })
            .InClass(EndpointClass.Password)
            .AddEndpointFilter<HashingAdmission>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Exchange email and password for an access token (15 min) and a refresh token")
            .WithDescription($"Sets the `{DeviceCookie}` cookie; sending it back on later sign-ins keeps this device signed in while others guess the password. " +
                             "With two-factor sign-in on, the answer is 202 with a challenge to send to /auth/login/2fa with a code.");

        group.MapPost("/login/2fa", async Task<Ok<TokenPair>> (CompleteTwoFactorLoginWorkflow workflow, HttpContext http, ISender sender, CancellationToken ct) =>
                SignedIn(http, await sender.Send(workflow, ct)))
            .InClass(EndpointClass.Password)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("The second sign-in step: the challenge and a code from the authenticator, or a recovery code (each good once)");

        group.MapPost("/step-up", async Task<Ok<AccessTokenDto>> (StepUpWorkflow workflow, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(workflow, ct)))
            .RequireAuthorization()
            .InClass(EndpointClass.Password)
            .AddEndpointFilter<HashingAdmission>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Confirm it's you (a code with two-factor sign-in on, else the password) for the sensitive actions of the next 10 minutes")
            .WithDescription("Answers a new access token for the same session; STEP_UP_REQUIRED (401) on a sensitive action asks for this.");

        group.MapPost("/refresh", async Task<Ok<TokenPair>> (RefreshSessionWorkflow workflow, ISender sender, CancellationToken ct) =>
            {
                var outcome = await sender.Send(workflow, ct);
                return outcome.Tokens is { } tokens
                    ? TypedResults.Ok(tokens)
                    : throw new UnauthorizedException(outcome.RejectionCode!, "The refresh token cannot be used. Sign in again.");
            })
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithSummary("Rotate a refresh token; presenting it again within seconds returns the same successor, later revokes its whole family");

        group.MapPost("/logout", async Task<NoContent> (LogoutCommand command, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(command, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Revoke the refresh token's family");

        group.MapPost("/email/verify", async Task<NoContent> (VerifyEmailCommand command, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(command, ct);
                return TypedResults.NoContent();
            })
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Confirm the account's email with the token of the emailed link (no sign-in needed; single use, 24 hours)");

        group.MapPost("/password/forgot", async Task<Accepted> (RequestPasswordResetCommand command, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(command, ct);
                return TypedResults.Accepted((string?)null);
            })
            .InClass(EndpointClass.Password)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Email a password-reset link if an account has this email; the answer is 202 either way");

        group.MapPost("/password/reset", async Task<NoContent> (ResetPasswordWorkflow workflow, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(workflow, ct);
                return TypedResults.NoContent();
            })
            .InClass(EndpointClass.Password)
            .AddEndpointFilter<HashingAdmission>()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Set a new password with the token of the emailed link (single use, 30 minutes); every session of the account ends");

        MapExternalSignIn(group.MapGroup("/oauth"));
        return api;
    }

    /// <summary>The browser's copy of a pending social sign-in's state: the callback must come back to the browser that started it.</summary>
    public const string ExternalStateCookie = "lh_oauth_state";

    private static void MapExternalSignIn(RouteGroupBuilder oauth)
    {
        oauth.MapGet("/providers", (IExternalIdentities identities) => TypedResults.Ok(identities.Enabled))
            .WithSummary("The social sign-in providers offered here (kakao, google, naver)");

        oauth.MapGet("/{provider}/start", async Task<RedirectHttpResult> (string provider, string? intent, HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var start = await sender.Send(new StartExternalSignInWorkflow(provider, intent), ct);
                http.Response.Cookies.Append(ExternalStateCookie, start.State, new CookieOptions
                {
                    HttpOnly = true,
                    Secure = http.Request.IsHttps,
                    SameSite = SameSiteMode.Lax, // sent on the provider's top-level redirect back, not on cross-site subrequests
                    Path = "/api/v1/auth/oauth",
                    MaxAge = ExternalSignInStart.Lifetime,
                });
                return TypedResults.Redirect(start.AuthorizationUrl.AbsoluteUri);
            })
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Web sign-in with a provider: redirects the browser to it (code + PKCE, state, nonce); intent=link to link it to the signed-in account instead")
            .WithDescription("The provider sends the browser back to /callback, which sends it on to the web app's {Email:LinkBaseUrl}/oauth/complete?intent=…&ticket=… (or &error=CODE).");

        oauth.MapGet("/{provider}/callback", async Task<RedirectHttpResult> (
                string provider, string? code, string? state, string? error, HttpContext http, ISender sender, IWebLinks links, CancellationToken ct) =>
            {
                var outcome = await sender.Send(new CompleteExternalAuthorizationWorkflow(provider, code, state, error, http.Request.Cookies[ExternalStateCookie]), ct);
                http.Response.Cookies.Delete(ExternalStateCookie, new CookieOptions { Path = "/api/v1/auth/oauth" });
                return TypedResults.Redirect(links.ExternalSignInCompletion(outcome.Intent, outcome.Ticket, outcome.ErrorCode));
            })
            .WithSummary("Where the provider sends the browser back: verifies state, code and ID token, then sends the browser to the web app with a ticket or an error code");

        oauth.MapPost("/ticket", async Task<Results<Ok<ExternalSignedIn>, Accepted<ExternalSignedIn>>> (RedeemExternalTicketWorkflow workflow, ISender sender, CancellationToken ct) =>
                Answer(await sender.Send(workflow, ct)))
            .InClass(EndpointClass.Password)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("The web app trades the callback's ticket (single use, 2 minutes) for our tokens (202 with a challenge when two-factor sign-in is on)");

        oauth.MapPost("/{provider}/token", async Task<Results<Ok<ExternalSignedIn>, Accepted<ExternalSignedIn>>> (
                string provider, ExternalProofBody body, ISender sender, CancellationToken ct) =>
                Answer(await sender.Send(new ExternalTokenSignInWorkflow(provider, body.IdToken, body.Nonce, body.Code, body.CodeVerifier, body.RedirectUri), ct)))
            .InClass(EndpointClass.Password)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Mobile sign-in: the provider's ID token with the app's nonce, or its code with the PKCE verifier, for our tokens")
            .WithDescription("New accounts have no password; without a verified email from the provider they have none either (emailRequired), and they agree to the terms before anything else (termsRequired).");
    }

    /// <summary>What a mobile app hands over from the provider's SDK (ExternalTokenSignInWorkflow, LinkExternalTokenWorkflow).</summary>
    public sealed record ExternalProofBody(string? IdToken, string? Nonce, string? Code, string? CodeVerifier, string? RedirectUri);

    private static Results<Ok<ExternalSignedIn>, Accepted<ExternalSignedIn>> Answer(ExternalSignedIn signedIn) =>
        signedIn.Challenge is null ? TypedResults.Ok(signedIn) : TypedResults.Accepted((string?)null, signedIn);

    /// <summary>The tokens, with the device marker set as a cookie.</summary>
    private static Ok<TokenPair> SignedIn(HttpContext http, SignedIn signedIn)
    {
        http.Response.Cookies.Append(DeviceCookie, signedIn.DeviceToken!, new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Path = "/api/v1/auth",
            MaxAge = TimeSpan.FromDays(365),
        });
        return TypedResults.Ok(signedIn.Tokens!);
    }
}
