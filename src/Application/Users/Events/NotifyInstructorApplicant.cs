using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Email;
using LectureHub.Domain.Users;
using Microsoft.Extensions.Logging;

namespace LectureHub.Application.Users.Events;

internal sealed record ApplicantFacts(string Email, string DisplayName, string Language, string? Reason);

/// <summary>Tells the applicant the Admin's decision, in their language, from the outbox.</summary>
internal sealed class NotifyInstructorApplicant(IReadDb db, IEmailSender email, ILogger<NotifyInstructorApplicant> logger)
    : IDomainEventHandler<InstructorApplicationDecided>
{
    private const string FactsSql = """
        SELECT u.email AS "Email", u.display_name AS "DisplayName", u.language AS "Language", a.rejection_reason AS "Reason"
        FROM instructor_applications a
        JOIN users u ON u.id = a.user_id
        WHERE a.id = @ApplicationId
        """;

    private static readonly Dictionary<(string Language, bool Approved), EmailTemplate> Templates = new()
    {
        [(Languages.Korean, true)] = new(
            "[LectureHub] 강사 신청이 승인되었습니다",
            "{name}님, 강사 신청이 승인되었습니다. 이제 강의를 만들고 공개할 수 있습니다.",
            "앱을 새로 고치거나 다시 로그인하면 강사 메뉴가 보입니다."),
        [(Languages.Korean, false)] = new(
            "[LectureHub] 강사 신청 결과 안내",
            "{name}님, 아쉽게도 이번 강사 신청은 승인되지 않았습니다.",
            "사유: {reason}",
            "내용을 보완해 언제든 다시 신청하실 수 있습니다."),
        [(Languages.English, true)] = new(
            "[LectureHub] You can now teach on LectureHub",
            "Hi {name}, your application to teach was approved. You can now create and publish courses.",
            "Refresh the app or sign in again to see the instructor menu."),
        [(Languages.English, false)] = new(
            "[LectureHub] About your application to teach",
            "Hi {name}, your application to teach was not approved this time.",
            "Reason: {reason}",
            "You are welcome to apply again with more detail."),
    };

    public async Task HandleAsync(InstructorApplicationDecided domainEvent, CancellationToken cancellationToken)
    {
        var facts = await db.Primary.QuerySingleOrDefaultAsync<ApplicantFacts>(FactsSql, new { domainEvent.ApplicationId }, cancellationToken)
                    ?? throw new InvalidOperationException($"Instructor application {domainEvent.ApplicationId} does not exist, though its decision was committed.");
        var (language, template) = EmailTemplate.For(Templates, facts.Language, domainEvent.Approved);
        var values = new Dictionary<string, string> { ["{name}"] = facts.DisplayName, ["{reason}"] = facts.Reason ?? "" };
        await email.SendAsync(template.Render(facts.Email, facts.DisplayName, language, values, $"instructor-application.{domainEvent.ApplicationId:N}"), cancellationToken);
        logger.LogInformation("Instructor application {ApplicationId}: applicant emailed ({Approved})", domainEvent.ApplicationId, domainEvent.Approved);
    }
}
