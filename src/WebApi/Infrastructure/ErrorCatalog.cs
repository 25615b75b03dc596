using System.Globalization;
using System.Text;

namespace LectureHub.WebApi.Infrastructure;

/// <summary>
/// Every stable <c>code</c> a problem (or a video's error) can carry, with the HTTP statuses it comes with and what it
/// means: the one list clients switch on. Published in the API reference (the OpenAPI description) and as
/// docs/errors.md (<c>LectureHub.WebApi.dll errors</c> writes it). ErrorCatalogTests fail when the source uses a code
/// this list lacks, when a throw site's status is not listed for its code, or when docs/errors.md is stale.
/// </summary>
internal static class ErrorCatalog
{
    public sealed record Entry(string Code, int[] Statuses, string Meaning);

    public static readonly IReadOnlyList<(string Feature, Entry[] Entries)> Groups =
    [
        ("Requests in general",
        [
            new("VALIDATION_FAILED", [400], "The request's shape is wrong; `errors` lists each bad field with its messages."),
            new("MALFORMED_JSON", [400], "The body is not JSON, or a value has the wrong type (an unknown enum name, a string for a number)."),
            new("BAD_REQUEST", [400], "The request cannot be read (a bad route value or header)."),
            new("UNAUTHENTICATED", [401], "Sign in first: no valid access token (missing, expired or forged)."),
            new("FORBIDDEN", [403], "Signed in, but this role may not do this."),
            new("NOT_FOUND", [404], "No such route."),
            new("METHOD_NOT_ALLOWED", [405], "The route exists but not with this HTTP method."),
            new("PAYLOAD_TOO_LARGE", [413], "The body is over the size limit (1 MiB for JSON, 256 KiB for a post or comment; 64 MiB for a video chunk; 5 MB for a thumbnail)."),
            new("UNSUPPORTED_MEDIA_TYPE", [415], "The body's Content-Type is not one this endpoint reads."),
            new("RATE_LIMITED", [429], "Too many requests of one endpoint class from one caller (the signed-in user, else the address); wait for Retry-After."),
            new("ERROR", [], "A status with no more specific code (fallback)."),
            new("INTERNAL_ERROR", [500], "A fault on our side; quote the traceId when reporting it."),
            new("DEPENDENCY_UNAVAILABLE", [503], "PostgreSQL or Redis is unreachable; retry after Retry-After."),
            new("CONFLICT", [409], "A conflict with no more specific code (fallback)."),
            new("CONCURRENCY_CONFLICT", [409], "Someone else changed the same resource at the same moment; reload and retry."),
            new("DUPLICATE", [409], "The resource already exists (a unique rule without a more specific code)."),
            new("REFERENCED", [409], "Other resources still refer to this one."),
        ]),
        ("Idempotency",
        [
            new("IDEMPOTENCY_KEY_REQUIRED", [400], "This endpoint needs an Idempotency-Key header."),
            new("IDEMPOTENCY_KEY_INVALID", [400], "The Idempotency-Key is not one value of 1 to 255 visible ASCII characters."),
            new("IDEMPOTENCY_KEY_IN_USE", [409], "A request with this key is still running; retry shortly."),
            new("IDEMPOTENCY_KEY_REUSED", [422], "The key was used with a different request body; use a new key for a new request."),
        ]),
        ("Identity",
        [
            new("EMAIL_TAKEN", [409], "An account with this email already exists."),
            new("INVALID_CREDENTIALS", [401], "The email or password is wrong."),
            new("LOGIN_THROTTLED", [429], "Too many failed sign-ins to this account from this address or device; wait for Retry-After. The owner's own devices are not affected."),
            new("URI_TOO_LONG", [414], "The path and query exceed Requests:MaxTargetBytes (8 KB)."),
            new("HEADERS_TOO_LARGE", [431], "The request headers exceed Requests:MaxHeaderBytes (32 KB) in all."),
            new("BUSY", [503], "Password hashing is at capacity (a sign-in storm); retry after Retry-After. Other requests are not affected."),
            new("REFRESH_TOKEN_INVALID", [401], "The refresh token is unknown or revoked; sign in again."),
            new("REFRESH_TOKEN_REUSED", [401, 409], "The refresh token was already used: the whole token family is revoked (a stolen token is suspected); sign in again."),
            new("REFRESH_TOKEN_EXPIRED", [401, 409], "The refresh token has expired; sign in again."),
            new("SIGN_IN_REQUIRED", [401], "Sign in first."),
            new("USER_NOT_FOUND", [404], "The signed-in account no longer exists."),
            new("LANGUAGE_NOT_SUPPORTED", [409], "The language is not one we send email in (ko, en)."),
            new("ADMIN_ONLY", [403], "Only an Admin may do this."),
            new("RESET_TOKEN_INVALID", [422], "The password-reset link is unknown, expired (30 minutes), already used or superseded by a newer one; ask for a new one."),
            new("VERIFICATION_TOKEN_INVALID", [422], "The verification link is unknown, expired (24 hours), already used or superseded by a newer one; ask for a new one."),
            new("ACCOUNT_TOKEN_SPENT", [409], "An emailed link was spent by another request at the same moment."),
            new("EMAIL_ALREADY_VERIFIED", [409], "This account's email is already verified; no link is sent."),
            new("EMAIL_LIMIT_REACHED", [429], "At most 3 emailed links of one kind an hour per account; use the newest, or wait for Retry-After."),
            new("PASSWORD_INCORRECT", [422], "The current password is wrong (wrong tries count against the sign-in throttle, LOGIN_THROTTLED)."),
            new("SESSION_NOT_FOUND", [404], "You have no session with this id (it may be another account's)."),
            new("TWO_FACTOR_ALREADY_ENABLED", [409], "Two-factor sign-in is on already; turn it off before enrolling another authenticator."),
            new("TWO_FACTOR_NOT_ENROLLING", [409], "No enrolment to confirm: start one with POST /me/2fa/totp."),
            new("TWO_FACTOR_NOT_ENABLED", [409], "Two-factor sign-in is not on."),
            new("TWO_FACTOR_CODE_INVALID", [401, 422], "The code is wrong, outside the 30-second window either side, or used already (a recovery code: unknown or spent)."),
            new("TWO_FACTOR_CODE_REQUIRED", [422], "Two-factor sign-in is on: a step-up needs a code or a recovery code, not the password."),
            new("TWO_FACTOR_CHALLENGE_INVALID", [401], "The sign-in challenge expired (5 minutes) or is not ours; sign in with the password again."),
            new("RECOVERY_CODE_USED", [409], "The recovery code was spent by another request at the same moment."),
            new("STEP_UP_REQUIRED", [401], "A sensitive action needs a sign-in or step-up (POST /auth/step-up) within the last 10 minutes."),
            new("ADMIN_CANNOT_DELETE", [409], "An Admin account cannot be deleted; another Admin changes its role first."),
            new("HAS_PUBLISHED_COURSES", [409], "An instructor unpublishes their courses before deleting the account."),
            new("ACCOUNT_SUSPENDED", [401, 403], "An Admin suspended this account: sign-in answers 403 (after the password is checked), a refresh 401."),
            new("ALREADY_SUSPENDED", [409], "The account is suspended already."),
            new("NOT_SUSPENDED", [409], "The account is not suspended, so there is nothing to lift."),
            new("CANNOT_ACT_ON_SELF", [409], "An Admin cannot suspend, reinstate or change the role of their own account."),
            new("ALREADY_INSTRUCTOR", [409], "Only a student account applies to teach."),
            new("INSTRUCTOR_APPLICATION_PENDING", [409], "The account already has an application to teach waiting for a decision."),
            new("INSTRUCTOR_APPLICATION_NOT_FOUND", [404], "No application to teach with this id."),
            new("APPLICATION_ALREADY_DECIDED", [409], "The application to teach was approved or rejected already."),
            new("EMAIL_UNCHANGED", [409], "An email change to the address the account has already."),
            new("ACCOUNT_TOKEN_INVALID", [409], "An emailed link was made with a new address for a purpose other than an email change (a bug, never a client's doing)."),
            new("TERMS_UPDATE_REQUIRED", [403], "The required terms changed (or a social sign-up has not agreed yet): GET /terms, agree with POST /me/terms, retry with the token it answers."),
            new("TERMS_VERSION_INVALID", [409], "Terms are agreed to at version 1 or more, never older than the account agreed before."),
            new("TERMS_PUBLISHED_CONCURRENTLY", [409], "Another Admin published a version of the same terms at the same moment."),
        ]),
        ("Social sign-in",
        [
            new("OAUTH_PROVIDER_UNKNOWN", [404], "Sign-in with that provider is not offered here (GET /auth/oauth/providers lists them)."),
            new("OAUTH_STATE_INVALID", [], "In the web app's ?error=: the callback's state is not this browser's, was used already, or expired (10 minutes)."),
            new("OAUTH_DENIED", [], "In the web app's ?error=: the person declined at the provider."),
            new("OAUTH_CODE_INVALID", [401], "The provider refused the authorization code (expired, used, another client's, or the PKCE verifier does not match)."),
            new("OAUTH_ID_TOKEN_INVALID", [401], "The ID token does not verify: not signed by the provider's keys, another issuer or audience, or expired."),
            new("OAUTH_ID_TOKEN_UNSUPPORTED", [422], "Naver has no ID tokens: send the code and its PKCE verifier."),
            new("OAUTH_NONCE_MISMATCH", [401], "The ID token carries another nonce: it was issued for another sign-in."),
            new("OAUTH_TICKET_INVALID", [401], "The callback's ticket expired (2 minutes) or was used already."),
            new("OAUTH_PROVIDER_UNAVAILABLE", [503], "The provider did not answer; retry shortly."),
            new("EXTERNAL_LOGIN_TAKEN", [409], "That provider identity signs in to another account already."),
            new("PROVIDER_ALREADY_LINKED", [409], "Another identity of the same provider is linked to this account already."),
            new("EXTERNAL_LOGIN_NOT_FOUND", [404], "No sign-in with that provider is linked to this account."),
            new("LAST_SIGN_IN_METHOD", [409], "Unlinking would leave the account no way to sign in (no password, no other provider)."),
            new("PASSWORD_NOT_SET", [422], "A social-only account has no password to step up with: sign in with the provider again, or set one by a reset link."),
        ]),
        ("Catalog",
        [
            new("CATEGORY_NOT_FOUND", [404, 422], "No such category (404 on its own route; 422 when a course names it)."),
            new("CATEGORY_SLUG_INVALID", [409], "A slug is lower-case letters, digits and dashes."),
            new("CATEGORY_SLUG_TAKEN", [409], "Another category has this slug."),
            new("COURSE_NOT_FOUND", [404], "No such course (or not one the caller may see)."),
            new("NOT_COURSE_OWNER", [403], "Only the course's instructor or an Admin may change it."),
            new("COURSE_ARCHIVED", [409], "An archived course cannot be changed."),
            new("COURSE_NOT_PUBLISHED", [409], "Only a published course can be archived; delete a draft instead."),
            new("COURSE_NEEDS_A_LECTURE", [409], "A course needs at least one lecture to be published, and a published one must keep one."),
            new("COURSE_PRICE_INVALID", [422], "A price is between 0 and the maximum in KRW."),
            new("CURRICULUM_DUPLICATE_ID", [422], "A section or lecture id appears twice in the curriculum."),
            new("CURRICULUM_UNKNOWN_ID", [422], "The curriculum names a section or lecture this course does not have."),
            new("LECTURE_DURATION_INVALID", [422], "A lecture's duration is out of range."),
            new("LECTURE_NOT_FOUND", [404], "No such lecture."),
            new("THUMBNAIL_UNSUPPORTED_TYPE", [422], "A thumbnail is a JPEG, PNG or WebP image (checked by its bytes, not its name)."),
            new("THUMBNAIL_UNREADABLE", [422], "The image could not be decoded."),
        ]),
        ("Enrolment and cohorts",
        [
            new("PAYMENT_REQUIRED", [409], "The course is paid: enrol by ordering it."),
            new("ENROLLMENT_ENDED", [409], "Your enrolment in this course was refunded or revoked; order it again."),
            new("ENROLLMENT_NOT_FOUND", [404], "No such enrolment of yours."),
            new("ENROLLMENT_NOT_ACTIVE", [409], "The enrolment is already refunded or revoked."),
            new("ENROLLMENT_NOT_RENEWABLE", [409], "Only a refunded enrolment can be renewed by buying again."),
            new("ENROLLMENT_NOT_REFUNDABLE", [409], "The enrolment was not paid for through an order (a free course), so there is nothing to refund."),
            new("ENROLLMENT_REQUIRED", [403], "Only enrolled students may do this: see progress, review a course, ask or answer its questions."),
            new("ALREADY_ENROLLED", [409], "You are already enrolled in this course."),
            new("COHORT_NOT_FOUND", [404], "No such cohort (or an unlisted one you may not see)."),
            new("NOT_COHORT_OWNER", [403], "Only the cohort's owner or an Admin may do this."),
            new("COHORT_CAPACITY_INVALID", [422], "Capacity or waitlist size is out of range."),
            new("COHORT_FEE_INVALID", [422], "The fee is out of range."),
            new("COHORT_FORM_INVALID", [422], "The application form is invalid (too many questions, duplicate ids, a choice question without options)."),
            new("COHORT_LOCATION_REQUIRED", [422], "An offline cohort needs a location."),
            new("COHORT_REGION_INVALID", [422], "The region is not one of the listed provinces and cities, or is given for an online cohort."),
            new("COHORT_CHANGE_NOT_ALLOWED", [409], "People have applied: the course, selection, fee, schedule and place are fixed, and seats can only grow."),
            new("COHORT_CANCELLED", [409], "The cohort was cancelled; it takes no applications or changes."),
            new("COHORT_ENDED", [409], "The class has ended; the cohort can no longer change."),
            new("COHORT_SCHEDULE_INVALID", [422], "Recruiting must end after it starts and by the time the class starts; the class must end after it starts."),
            new("COHORT_TERMS_INVALID", [422], "Too many terms, or two with one code."),
            new("RECRUITMENT_CLOSED", [409], "The cohort is not recruiting now (before or after its window)."),
            new("COHORT_FULL", [409], "Every seat and waitlist place is taken."),
            new("ALREADY_APPLIED", [409], "You have already applied to this cohort."),
            new("APPLICATION_ANSWERS_INVALID", [422], "The answers do not fit the current application form (a required one missing, an unknown option)."),
            new("TERMS_NOT_ACCEPTED", [422], "A required term, in its current version, was not accepted."),
            new("APPLICATION_NOT_FOUND", [404], "No such application in this cohort."),
            new("APPLICATION_NOT_ACTIVE", [409], "The application is already cancelled or rejected."),
            new("APPLICATION_PAID", [409], "The seat's fee is paid: ask for a refund instead of cancelling."),
            new("PAYMENT_IN_PROGRESS", [409], "A payment of the seat's fee is in progress; try again once it has finished."),
            new("APPLICATION_NOT_PAYABLE", [409], "No fee is due on this application (not approved, paid already, or the seat was released)."),
            new("PAYMENT_WINDOW_CLOSED", [409], "The fee's deadline passed; the seat is being offered to the waitlist."),
            new("PAYMENT_NOT_DUE", [409], "The fee's deadline has not passed yet."),
            new("APPLICATION_NOT_REFUNDABLE", [409], "Only a paid seat can be refunded."),
            new("APPLICATION_STATE_INVALID", [409], "The application is not in the state this decision needs (e.g. approving one that is not under review)."),
            new("CLASS_ALREADY_STARTED", [409], "The class has started; the application can no longer be cancelled."),
        ]),
        ("Media",
        [
            new("VIDEO_UPLOAD_NOT_FOUND", [404], "No such video upload."),
            new("VIDEO_TOO_LARGE", [422], "A video is between 1 byte and 4 GiB."),
            new("CONTENT_RANGE_INVALID", [400], "A chunk needs 'Content-Range: bytes first-last/total' within the declared size, matching Content-Length."),
            new("UPLOAD_OFFSET_MISMATCH", [409], "The chunk does not start where the upload stands; resume from receivedBytes."),
            new("UPLOAD_CLOSED", [409], "The upload has all its bytes already (or failed)."),
            new("UPLOAD_GOES_TO_STORAGE", [409], "With S3 storage the file goes to the presigned URL, not to the API."),
            new("UPLOAD_INCOMPLETE", [409], "Object storage does not hold the declared size yet."),
            new("RENDITION_NOT_FOUND", [404], "The video has no rendition of that height."),
            new("RENDITION_NOT_FAILED", [409], "Only a failed rendition can be retried."),
            new("TRANSCODE_JOB_NOT_FOUND", [404], "No such transcode job (internal)."),
            new("TRANSCODE_LEASE_LOST", [409], "A transcode worker's lease passed to another worker (internal; the worker drops its result)."),
            new("VIDEO_NOT_PROBED", [409], "The video has not been checked by ffprobe yet (internal)."),
            new("VIDEO_NOT_PROCESSING", [409], "The video is not being transcoded (internal)."),
            new("VIDEO_NOT_READY", [409], "The lecture has no playable video yet."),
            new("NOT_A_VIDEO", [], "A video upload's error.code: ffprobe found no video stream in the file."),
            new("TRANSCODE_FAILED", [], "A video upload's error.code: a rendition failed every attempt."),
            new("SUBTITLE_INVALID", [422], "Subtitles must be WebVTT (the file starts with WEBVTT)."),
            new("SUBTITLE_LANGUAGE_INVALID", [422], "The language is a BCP 47 tag such as ko, en or pt-BR."),
            new("CDN_CREDENTIALS_MISSING", [403], "The CDN needs signed cookies or a signed URL; ask POST /lectures/{id}/playback."),
            new("CDN_CREDENTIALS_EXPIRED", [403], "The playback credentials have expired; ask for new ones."),
            new("CDN_CREDENTIALS_NOT_YET_VALID", [403], "The playback credentials are not valid yet."),
            new("CDN_RESOURCE_NOT_COVERED", [403], "The credentials do not cover this file."),
            new("CDN_ADDRESS_NOT_ALLOWED", [403], "The credentials were issued for another client address."),
            new("CDN_SIGNATURE_INVALID", [403], "The playback credentials are malformed or their signature does not match."),
        ]),
        ("Learning",
        [
            new("WATCH_SESSION_NOT_FOUND", [404], "Not your watch session for this lecture, or older than a day; ask for playback again."),
            new("WATCH_SESSION_SUPERSEDED", [409], "A newer watch session (another device) has sent heartbeats; this one no longer counts."),
            new("PROGRESS_IMPLAUSIBLE", [422], "The heartbeat claims more than the wall clock allows (time × rate × 1.1, plus carry); nothing was recorded."),
            new("PROGRESS_BACKLOGGED", [503], "Too many heartbeats are waiting to be saved; retry after Retry-After."),
            new("CERTIFICATE_NOT_FOUND", [404], "No certificate has this code."),
        ]),
        ("Payments",
        [
            new("ORDER_NOT_FOUND", [404], "No such order of yours."),
            new("ORDER_LINES_INVALID", [422], "An order holds between 1 and the maximum number of distinct courses."),
            new("ORDER_LINE_NOT_FOUND", [409], "The course is not in this order."),
            new("ORDER_STATE_INVALID", [409], "The order is not pending (it expired, was canceled, or failed)."),
            new("COURSE_NOT_FOR_SALE", [422], "A free course cannot be ordered: enrol in it directly."),
            new("COUPON_NOT_FOUND", [404], "No coupon has this code."),
            new("COUPON_NOT_VALID_NOW", [409], "The coupon is outside its validity window."),
            new("COUPON_NOT_APPLICABLE", [409], "The coupon applies to none of the ordered courses."),
            new("COUPON_EXHAUSTED", [409], "The coupon has been used as many times as its cap allows."),
            new("COUPON_DISABLED", [409], "Its owner withdrew the coupon."),
            new("COUPON_CODE_TAKEN", [409], "Another coupon has this code."),
            new("COUPON_DISCOUNT_INVALID", [422], "A coupon takes off either a percentage (1–90) or an amount, not both or neither."),
            new("COUPON_TERMS_INVALID", [422], "The validity window must end after it starts, and the cap be at least 1."),
            new("PAYMENT_AMOUNT_MISMATCH", [409, 422], "The amount is not the order's (422 at confirm, nothing charged; 409 when the gateway's payment differs)."),
            new("PAYMENT_REJECTED", [422], "The gateway refused the payment; its own code is in the detail."),
            new("PAYMENT_GATEWAY_UNAVAILABLE", [503], "The gateway did not answer; the order stays pending and is settled when the gateway reports back."),
            new("PAYMENT_NOT_FOUND", [409], "The gateway no longer knows this payment."),
            new("PAYMENT_NOT_MATCHING", [409], "The gateway's payment belongs to another order or amount; it is kept for review."),
            new("PAYMENT_PROVIDER_UNKNOWN", [404], "No payment provider of that name is configured for webhooks."),
            new("WEBHOOK_HEADERS_MISSING", [401], "webhook-id, webhook-timestamp and webhook-signature are required."),
            new("WEBHOOK_TIMESTAMP_STALE", [401], "webhook-timestamp is not a Unix time within five minutes of now."),
            new("WEBHOOK_SIGNATURE_INVALID", [401], "No signature in webhook-signature matches the message."),
            new("WEBHOOK_BODY_NOT_UTF8", [400], "A webhook body must be UTF-8 text."),
            new("REFUND_NOT_ALLOWED", [409], "Under the order's refund policy nothing can be refunded now."),
            new("RECEIPT_NOT_AVAILABLE", [409], "Only a paid order has a receipt."),
            new("REFUND_IN_PROGRESS", [409], "Another refund of this order is being processed; try again in a minute."),
            new("REFUND_REJECTED", [422], "The gateway refused the refund; nothing changed."),
            new("REFUND_PENDING", [503], "The gateway did not answer; the refund is kept and completed automatically."),
            new("REFUND_NOT_FOUND", [404, 409], "No such refund on the order."),
            new("ALREADY_REFUNDED", [409], "The course was refunded already."),
            new("REFUND_AMOUNT_INVALID", [422], "A refund is between 1 KRW and what was paid."),
        ]),
        ("Settlement",
        [
            new("PAYOUT_ACCOUNT_NOT_SET", [404], "The instructor has not set where statements are paid."),
            new("ACCOUNT_NUMBER_INVALID", [409], "An account number has 8 to 16 digits (validation answers this first as a field error)."),
            new("MONTH_INVALID", [400], "A month is written yyyy-MM, e.g. 2026-10."),
            new("STATEMENT_MONTH_OPEN", [409], "The month has not ended in Korea yet."),
            new("STATEMENT_ALREADY_CLOSED", [409], "The instructor's statement for this month is closed already."),
            new("STATEMENT_ALREADY_PAID", [409], "The statement's payout was recorded already."),
            new("STATEMENT_NOT_FOUND", [404], "No such statement."),
            new("LEDGER_ENTRY_SETTLED", [409], "A ledger entry already belongs to a statement (internal)."),
            new("AMOUNT_INVALID", [422], "An amount cannot be negative (internal)."),
        ]),
        ("Community",
        [
            new("BOARD_NOT_FOUND", [404], "No such board."),
            new("BOARD_SLUG_INVALID", [409], "A board slug is lower-case letters, digits and dashes."),
            new("BOARD_SLUG_TAKEN", [409], "Another board has this slug."),
            new("CATEGORY_HAS_BOARD", [409], "The category already has its board."),
            new("POST_NOT_FOUND", [404], "No such post, or it is hidden and the caller is neither its author nor an Admin."),
            new("POST_DELETED", [409], "The post was deleted: it can no longer be edited or commented on."),
            new("POST_LOCKED", [409], "An Admin locked the post: it takes no new comments."),
            new("COMMENT_NOT_FOUND", [404], "No such comment (or a hidden one the caller may not see)."),
            new("COMMENT_DELETED", [409], "The comment was deleted: it can no longer be edited."),
            new("COMMENT_NOT_REPLYABLE", [409], "Replies go to a visible comment on the same post."),
            new("NOT_AUTHOR", [403], "Only the author may edit or delete it (Admins hide instead)."),
            new("REPORT_NOT_FOUND", [404], "No such report."),
            new("REPORT_RESOLVED", [409], "The report was resolved already."),
            new("REPORT_OUTCOME_INVALID", [409], "A report is resolved by hiding its target or dismissing it (internal)."),
            new("WRITE_RATE_LIMITED", [429], "The caller used up this hour's allowance of posts, comments, reports or questions; wait for Retry-After."),
        ]),
        ("Reviews",
        [
            new("REVIEW_NOT_FOUND", [404], "No such review."),
            new("REVIEW_EXISTS", [409], "The student reviewed this course already: edit that review instead."),
            new("REVIEW_ALREADY_REPLIED", [409], "The instructor replied to this review already (one reply per review)."),
            new("REVIEW_RATING_INVALID", [422], "A rating is 1 to 5 (internal: the validator says so first)."),
            new("NOT_COURSE_INSTRUCTOR", [403], "Only the course's instructor may do this."),
            new("OWN_REVIEW", [409], "A reviewer cannot mark their own review helpful."),
        ]),
        ("Questions",
        [
            new("QUESTION_NOT_FOUND", [404], "No such question."),
            new("ANSWER_NOT_FOUND", [404], "No such answer."),
            new("ANSWER_NOT_ON_QUESTION", [422], "The answer belongs to another question."),
            new("LECTURE_NOT_IN_COURSE", [422], "The lecture is not part of this course."),
            new("QUESTION_MOMENT_WITHOUT_LECTURE", [422], "A moment (atSeconds) needs the lecture it is in (internal: the validator says so first)."),
            new("NOT_ASKER_OR_INSTRUCTOR", [403], "Only the asker or the course's instructor may accept an answer."),
        ]),
        ("Notifications",
        [
            new("NOTIFICATION_NOT_FOUND", [404], "No such notification in the caller's inbox."),
        ]),
        ("Outbox",
        [
            new("DEAD_LETTER_NOT_FOUND", [404], "No such dead letter: it does not exist, was delivered, or is still being retried."),
        ]),
    ];

    public static IEnumerable<Entry> All => Groups.SelectMany(g => g.Entries);

    /// <summary>docs/errors.md.</summary>
    public static string Document() =>
        "# Error codes\n\n" +
        "Every error the API returns is an RFC 9457 problem with a stable `code` (and the `traceId`); clients switch on the code, " +
        "never on the message. Generated from `src/WebApi/Infrastructure/ErrorCatalog.cs` by " +
        "`dotnet src/WebApi/bin/Debug/net10.0/LectureHub.WebApi.dll errors > docs/errors.md`; a test fails when this file is stale " +
        "or when the code uses a code that is not here. The same list is in the API reference (`/scalar`).\n\n" + Markdown();

    /// <summary>The catalogue as Markdown tables, one per feature.</summary>
    public static string Markdown()
    {
        var md = new StringBuilder();
        foreach (var (feature, entries) in Groups)
        {
            md.Append(CultureInfo.InvariantCulture, $"### {feature}\n\n| code | status | meaning |\n| --- | --- | --- |\n");
            foreach (var e in entries)
            {
                var statuses = e.Statuses.Length == 0 ? "—" : string.Join(", ", e.Statuses);
                md.Append(CultureInfo.InvariantCulture, $"| `{e.Code}` | {statuses} | {e.Meaning.Replace("|", "\\|", StringComparison.Ordinal)} |\n");
            }

            md.Append('\n');
        }

        return md.ToString();
    }
}
