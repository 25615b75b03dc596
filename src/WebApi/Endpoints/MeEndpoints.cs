using LectureHub.Application.Auth.Commands;
using LectureHub.Application.Auth.Queries;
using LectureHub.Application.Courses.Queries;
using LectureHub.Application.Enrollments.Queries;
using LectureHub.Application.Learning;
using LectureHub.Application.Learning.Queries;
using LectureHub.Application.Live;
using LectureHub.Application.Live.Commands;
using LectureHub.Application.Notifications;
using LectureHub.Application.Notifications.Commands;
using LectureHub.Application.Notifications.Queries;
using LectureHub.Application.Payments;
using LectureHub.Application.Payments.Queries;
using LectureHub.Application.Terms;
using LectureHub.Application.Terms.Commands;
using LectureHub.Application.Users;
using LectureHub.Application.Users.Commands;
using LectureHub.Application.Users.Queries;
using LectureHub.WebApi.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LectureHub.WebApi.Endpoints;

internal static class MeEndpoints
{
    public static RouteGroupBuilder MapMeEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/me").WithTags("Me").RequireAuthorization().ProducesProblem(StatusCodes.Status401Unauthorized);

        group.MapGet("/", async Task<Ok<MeDto>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetMeQuery(), ct)))
            .WithSummary("The signed-in user's profile (never stale after the user's own write)");

        group.MapPost("/terms", async Task<Ok<AccessTokenDto>> (TermsAgreement terms, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new AgreeToTermsCommand(terms), ct)))
            .AllowOutdatedTerms()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Agree to the terms in force (after a new version or a social sign-up), or change the marketing choice (null declines)")
            .WithDescription("Answers a new access token for the same session; the old one keeps answering TERMS_UPDATE_REQUIRED.");

        group.MapPatch("/", async Task<Ok<MeDto>> (UpdateMeCommand command, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(command, ct)))
            .ProducesValidationProblem()
            .WithSummary("Change the signed-in user's profile; returns the new state");

        var account = group.MapGroup("/").WithTags("Account");

        account.MapDelete("/", async Task<NoContent> (ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new DeleteAccountCommand(), ct);
                return TypedResults.NoContent();
            })
            .AllowOutdatedTerms()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Delete your account (needs a recent step-up): personal data removed, orders, ledger and certificates kept, posts shown as by a deleted user");

        account.MapPost("/password", async Task<NoContent> (ChangePasswordWorkflow workflow, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(workflow, ct);
                return TypedResults.NoContent();
            })
            .InClass(EndpointClass.Password)
            .AddEndpointFilter<HashingAdmission>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Change the password, given the current one; every other session ends, this one stays");

        account.MapPost("/email/verification", async Task<Accepted> (ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new RequestEmailVerificationCommand(), ct);
                return TypedResults.Accepted((string?)null);
            })
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Email a new verification link (earlier ones stop working); at most 3 an hour");

        account.MapPost("/email", async Task<Accepted> (ChangeEmailCommand command, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(command, ct);
                return TypedResults.Accepted((string?)null);
            })
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Use another email address (needs a recent step-up): a link goes to it, and the account's email changes when it is opened (POST /auth/email/verify)");

        account.MapGet("/sessions", async Task<Ok<IReadOnlyList<SessionDto>>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListMySessionsQuery(), ct)))
            .WithSummary("Your signed-in devices, one per session, newest use first; `current` marks this one");

        account.MapDelete("/sessions/{id:guid}", async Task<NoContent> (Guid id, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new RevokeSessionCommand(id), ct);
                return TypedResults.NoContent();
            })
            .AllowOutdatedTerms()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Sign one session out (its access tokens stop within seconds on every instance)");

        account.MapDelete("/sessions", async Task<NoContent> (ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new RevokeOtherSessionsCommand(), ct);
                return TypedResults.NoContent();
            })
            .AllowOutdatedTerms()
            .WithSummary("Sign out every session but this one");

        account.MapGet("/external-logins", async Task<Ok<IReadOnlyList<ExternalLoginDto>>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListMyExternalLoginsQuery(), ct)))
            .WithSummary("The social providers linked to your account");

        account.MapPost("/external-logins", async Task<Ok<ExternalLoginDto>> (LinkExternalLoginWorkflow workflow, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(workflow, ct)))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Link a provider with the ticket of a web round trip started with intent=link (needs a recent step-up)");

        account.MapPost("/external-logins/{provider}/token", async Task<Ok<ExternalLoginDto>> (
                string provider, AuthEndpoints.ExternalProofBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new LinkExternalTokenWorkflow(provider, body.IdToken, body.Nonce, body.Code, body.CodeVerifier, body.RedirectUri), ct)))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Link a provider from a mobile app: its ID token with the nonce, or its code with the PKCE verifier (needs a recent step-up)");

        account.MapDelete("/external-logins/{provider}", async Task<NoContent> (string provider, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new UnlinkExternalLoginCommand(provider), ct);
                return TypedResults.NoContent();
            })
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Unlink a provider; refused (LAST_SIGN_IN_METHOD) when it is the account's only way to sign in");

        var twoFactor = group.MapGroup("/2fa").WithTags("Account");

        twoFactor.MapPost("/totp", async Task<Ok<TotpEnrolmentDto>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new BeginTotpEnrolmentCommand(), ct)))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Start two-factor enrolment: a TOTP secret for an authenticator app, its otpauth:// URI and a QR code (PNG, base64)");

        twoFactor.MapPost("/totp/confirm", async Task<Ok<RecoveryCodesDto>> (ConfirmTotpCommand command, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(command, ct)))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Turn two-factor sign-in on with the app's first code; answers the ten recovery codes, shown only this once");

        twoFactor.MapPost("/recovery-codes", async Task<Ok<RecoveryCodesDto>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RegenerateRecoveryCodesCommand(), ct)))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Ten new recovery codes in place of the old ones (needs a recent step-up)");

        twoFactor.MapDelete("/", async Task<NoContent> (ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new DisableTwoFactorCommand(), ct);
                return TypedResults.NoContent();
            })
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Turn two-factor sign-in off (needs a recent step-up with the second factor)");

        account.MapPost("/instructor-application", async Task<Created<InstructorApplicationDto>> (ApplyToTeachCommand command, ISender sender, CancellationToken ct) =>
                TypedResults.Created((string?)null, await sender.Send(command, ct)))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Ask to teach (students only; one pending at a time); an Admin approves or rejects it");

        group.MapGet("/orders", async Task<Ok<OrderPage>> ([AsParameters] ListMyOrdersQuery query, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(query, ct)))
            .WithTags("Orders")
            .ProducesValidationProblem()
            .WithSummary("Your orders, newest first (keyset pages): courses with their discounts, payment, refunds and the refund policy frozen at purchase");

        group.MapGet("/orders/{id:guid}/receipt", async Task<FileContentHttpResult> (Guid id, ISender sender, CancellationToken ct, string? language = null) =>
            {
                var receipt = await sender.Send(new GetReceiptQuery(id, language), ct);
                return TypedResults.File(receipt.Pdf, "application/pdf", receipt.FileName);
            })
            .WithTags("Orders")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("A paid order's receipt as a PDF (language ko or en; your own by default), with the amounts the ledger holds, refunds included");

        group.MapGet("/likes", async Task<Ok<IReadOnlyList<LikedCourseDto>>> (ISender sender, CancellationToken ct, int limit = 50) =>
                TypedResults.Ok(await sender.Send(new ListMyLikesQuery(limit), ct)))
            .WithSummary("Courses the signed-in user liked, newest first");

        group.MapGet("/enrollments", async Task<Ok<MyEnrollmentsDto>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListMyEnrollmentsQuery(), ct)))
            .WithSummary("The signed-in user's courses and cohort applications with their status (waitlist position included)");

        group.MapGet("/courses/{id:guid}/progress", async Task<Ok<CourseProgressDto>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetCourseProgressQuery(id), ct)))
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The signed-in student's progress in a course, per lecture, with where to resume (from any device)")
            .WithDescription(LectureEndpoints.ProgressFormulas);

        group.MapGet("/certificates", async Task<Ok<IReadOnlyList<CertificateDto>>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListMyCertificatesQuery(), ct)))
            .WithSummary("The signed-in student's certificates, newest first");

        var inbox = group.MapGroup("/").WithTags("Notifications");

        inbox.MapGet("/notifications", async Task<Ok<NotificationPage>> ([AsParameters] ListMyNotificationsQuery query, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(query, ct)))
            .ProducesValidationProblem()
            .WithSummary("Your notifications, newest first (unreadOnly to filter), with the unread count; each links to what it is about");

        inbox.MapPost("/notifications/{id:guid}/read", async Task<Ok<InboxStateDto>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new MarkNotificationReadCommand(id), ct)))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Mark one notification read (idempotent); returns the unread count");

        inbox.MapPost("/notifications/read-all", async Task<Ok<InboxStateDto>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new MarkAllNotificationsReadCommand(), ct)))
            .WithSummary("Mark every notification read; returns the unread count");

        inbox.MapGet("/notification-preferences", async Task<Ok<NotificationPreferencesDto>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetNotificationPreferencesQuery(), ct)))
            .WithSummary("Which kinds of notification also send email (all do unless turned off)");

        inbox.MapPut("/notification-preferences", async Task<Ok<NotificationPreferencesDto>> (SetNotificationPreferencesCommand command, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(command, ct)))
            .ProducesValidationProblem()
            .WithSummary("Turn email on or off per kind, e.g. {\"email\": {\"CommentReplied\": false}}; kinds left out keep their setting");

        group.MapPost("/calendar-feed", async Task<Ok<CalendarFeedDto>> (HttpRequest request, ISender sender, CancellationToken ct) =>
            {
                var token = await sender.Send(new IssueCalendarFeedCommand(), ct);
                return TypedResults.Ok(new CalendarFeedDto($"{request.Scheme}://{request.Host}/api/v1/calendar/{token}.ics"));
            })
            .WithTags("Live sessions")
            .WithSummary("Make your secret calendar address (every live session you host, assist or attend, for calendar apps); a new one replaces the old");

        return api;
    }
}
