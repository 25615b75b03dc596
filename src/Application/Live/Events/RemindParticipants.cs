using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Email;
using LectureHub.Domain.Common;
using LectureHub.Domain.Live;
using LectureHub.Domain.Users;
using Microsoft.Extensions.Logging;

namespace LectureHub.Application.Live.Events;

/// <summary>
/// Emails each participant (host, assistants, students) that the session is about to start, in their language. Runs
/// from the outbox after commit and reads the primary; a redelivery sends the same notification keys (one per person
/// and start time), which mail systems recognise as the same message. A session whose start moved since was reminded
/// anew by then, so this one sends nothing.
/// </summary>
internal sealed class RemindParticipants(IReadDb db, IEmailSender email, ILogger<RemindParticipants> logger) : IDomainEventHandler<LiveSessionReminderDue>
{
    private const string ParticipantsSql = $"""
        WITH people AS (
            SELECT host_id AS user_id FROM live_sessions WHERE id = @SessionId
            UNION SELECT unnest(assistant_ids) FROM live_sessions WHERE id = @SessionId
            UNION SELECT student_id FROM ({LiveSessionAccess.StudentsSql}) m)
        SELECT u.id AS "UserId", u.email AS "Email", u.display_name AS "DisplayName", u.language AS "Language"
        FROM people p JOIN users u ON u.id = p.user_id
        """;

    private static readonly Dictionary<(string Language, Notice Kind), EmailTemplate> Templates = new()
    {
        [(Languages.Korean, Notice.Reminder)] = new(
            "[LectureHub] 곧 시작합니다: '{session}' ({start})",
            "{name}님, 실시간 수업 '{session}'이(가) {start}에 시작합니다 ({end} 종료 예정).",
            "시간이 되면 LectureHub 앱이나 웹에서 수업에 입장해 주세요."),
        [(Languages.English, Notice.Reminder)] = new(
            "[LectureHub] Starting soon: '{session}' ({start})",
            "Hi {name}, the live class '{session}' starts at {start} (until {end}).",
            "Join it from the LectureHub app or website when it starts."),
    };

    public async Task HandleAsync(LiveSessionReminderDue domainEvent, CancellationToken cancellationToken)
    {
        var session = await db.Primary.QuerySingleOrDefaultAsync<SessionRow>(
            """SELECT title AS "Title", starts_at AS "StartsAt", ends_at AS "EndsAt", course_id AS "CourseId", cohort_id AS "CohortId" FROM live_sessions WHERE id = @SessionId""",
            new { domainEvent.SessionId }, cancellationToken);
        if (session is null || session.StartsAt != domainEvent.StartsAt)
        {
            logger.LogInformation("Live session {SessionId}: gone or moved since its reminder was due; not sent", domainEvent.SessionId);
            return;
        }

        var people = await db.Primary.QueryAsync<Participant>(ParticipantsSql, new { domainEvent.SessionId, session.CourseId, session.CohortId }, cancellationToken);
        foreach (var person in people)
        {
            var (language, template) = EmailTemplate.For(Templates, person.Language, Notice.Reminder);
            var values = new Dictionary<string, string>
            {
                ["{name}"] = person.DisplayName, ["{session}"] = session.Title,
                ["{start}"] = KoreaTime.Stamp(session.StartsAt), ["{end}"] = KoreaTime.Stamp(session.EndsAt),
            };
            await email.SendAsync(template.Render(person.Email, person.DisplayName, language, values,
                $"live-session.{domainEvent.SessionId:N}.reminder.{domainEvent.StartsAt.ToUnixTimeSeconds()}.{person.UserId:N}"), cancellationToken);
        }

        logger.LogInformation("Live session {SessionId}: reminder sent to {Count} participants", domainEvent.SessionId, people.Count);
    }

    private enum Notice
    {
        Reminder,
    }

    private sealed record SessionRow(string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, Guid? CourseId, Guid? CohortId);

    private sealed record Participant(Guid UserId, string Email, string DisplayName, string Language);
}
