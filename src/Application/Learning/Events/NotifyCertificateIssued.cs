using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Email;
using LectureHub.Domain.Learning;
using LectureHub.Domain.Users;
using Microsoft.Extensions.Logging;

namespace LectureHub.Application.Learning.Events;

internal sealed record CertificateFacts(string Email, string DisplayName, string Language, string Code, string CourseTitle);

/// <summary>Congratulates the student and hands them the verification code, in their language, from the outbox.</summary>
internal sealed class NotifyCertificateIssued(IReadDb db, IEmailSender email, ILogger<NotifyCertificateIssued> logger) : IDomainEventHandler<CertificateIssued>
{
    private const string FactsSql = """
        SELECT u.email AS "Email", u.display_name AS "DisplayName", u.language AS "Language", x.code AS "Code", x.course_title AS "CourseTitle"
        FROM certificates x
        JOIN users u ON u.id = x.student_id
        WHERE x.id = @CertificateId
        """;

    private static readonly Dictionary<(string Language, string Kind), EmailTemplate> Templates = new()
    {
        [(Languages.Korean, "issued")] = new(
            "[LectureHub] '{course}' 수료를 축하합니다",
            "{name}님, '{course}' 강의를 모두 수강하셨습니다. 수료증이 발급되었습니다.",
            "수료증 번호: {code}",
            "이 번호로 누구나 수료 사실을 확인할 수 있습니다: GET /api/v1/certificates/{code}"),
        [(Languages.English, "issued")] = new(
            "[LectureHub] Congratulations on completing '{course}'",
            "Hi {name}, you have watched all of '{course}', and your certificate has been issued.",
            "Certificate code: {code}",
            "Anyone can verify it with this code: GET /api/v1/certificates/{code}"),
    };

    public async Task HandleAsync(CertificateIssued domainEvent, CancellationToken cancellationToken)
    {
        var facts = await db.Primary.QuerySingleOrDefaultAsync<CertificateFacts>(FactsSql, new { domainEvent.CertificateId }, cancellationToken)
                    ?? throw new InvalidOperationException($"Certificate {domainEvent.CertificateId} does not exist, though its issue was committed.");
        var (language, template) = EmailTemplate.For(Templates, facts.Language, "issued");
        var values = new Dictionary<string, string> { ["{name}"] = facts.DisplayName, ["{course}"] = facts.CourseTitle, ["{code}"] = facts.Code };
        await email.SendAsync(template.Render(facts.Email, facts.DisplayName, language, values, $"certificate.{domainEvent.CertificateId:N}.issued"), cancellationToken);
        logger.LogInformation("Certificate {CertificateId}: email sent", domainEvent.CertificateId);
    }
}
