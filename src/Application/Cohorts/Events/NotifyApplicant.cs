using LectureHub.Application.Abstractions;
using LectureHub.Domain.Cohorts;
using Microsoft.Extensions.Logging;

namespace LectureHub.Application.Cohorts.Events;

/// <summary>
/// Emails the applicant about each status change, in their language. Runs from the outbox after the change committed,
/// so it reads the primary (a replica may not have the row yet) and may run again after a failure; the email's
/// notification key is the same each time.
/// </summary>
internal sealed class NotifyApplicant(IReadDb db, IEmailSender email, ILogger<NotifyApplicant> logger) : IDomainEventHandler<CohortApplicationChanged>
{
    private const string FactsSql = $"""
        SELECT u.email AS "Email", u.display_name AS "DisplayName", u.language AS "Language", c.title AS "CohortTitle",
               c.class_starts_at AS "ClassStartsAt", c.location AS "Location", c.is_online AS "IsOnline",
               {SeatsSql.WaitlistPosition} AS "WaitlistPosition", CASE WHEN a.status = 'Rejected' THEN a.rejection_reason ELSE c.cancellation_reason END AS "Reason",
               c.fee_krw AS "FeeKrw", a.payment_due_at AS "PaymentDueAt"
        FROM cohort_applications a
        JOIN users u ON u.id = a.student_id
        JOIN cohorts c ON c.id = a.cohort_id
        WHERE a.id = @ApplicationId
        """;

    public async Task HandleAsync(CohortApplicationChanged domainEvent, CancellationToken cancellationToken)
    {
        var facts = await db.Primary.QuerySingleOrDefaultAsync<ApplicantNoticeFacts>(FactsSql, new { domainEvent.ApplicationId }, cancellationToken);
        if (facts is null)
        {
            // Applications are never deleted, but a cohort or account removed by an operator takes them along.
            logger.LogWarning("Application {ApplicationId} no longer exists; its {Status} email is not sent", domainEvent.ApplicationId, domainEvent.Status);
            return;
        }

        var notice = ApplicationEmails.NoticeFor(domainEvent);
        await email.SendAsync(ApplicationEmails.Compose(domainEvent.ApplicationId, notice, facts), cancellationToken);
        logger.LogInformation("Application {ApplicationId}: {Notice} email sent", domainEvent.ApplicationId, notice);
    }
}
