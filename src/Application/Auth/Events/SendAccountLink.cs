using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Email;
using LectureHub.Domain.Users;
using Microsoft.Extensions.Logging;

namespace LectureHub.Application.Auth.Events;

internal sealed record AccountLinkFacts(string Email, string DisplayName, string Language, bool Usable);

/// <summary>
/// Emails a verification or reset link, in the account's language, from the outbox. The link's value is derived again
/// from its id (never stored). A link spent or superseded before its email went out is not sent: only the newest works.
/// </summary>
internal sealed class SendAccountLink(IReadDb db, IEmailSender email, ITokenService tokens, IWebLinks links, TimeProvider clock, ILogger<SendAccountLink> logger)
    : IDomainEventHandler<AccountTokenIssued>
{
    private const string FactsSql = """
        SELECT COALESCE(t.new_email, u.email) AS "Email", u.display_name AS "DisplayName", u.language AS "Language",
               (t.used_at IS NULL AND t.expires_at > @Now) AS "Usable"
        FROM account_tokens t
        JOIN users u ON u.id = t.user_id
        WHERE t.id = @TokenId
        """;

    private static readonly Dictionary<(string Language, AccountTokenPurpose Kind), EmailTemplate> Templates = new()
    {
        [(Languages.Korean, AccountTokenPurpose.VerifyEmail)] = new(
            "[LectureHub] 이메일 주소를 확인해 주세요",
            "{name}님, LectureHub에 가입해 주셔서 감사합니다. 아래 링크를 열어 이메일 주소를 확인해 주세요.",
            "{link}",
            "링크는 24시간 동안 한 번만 쓸 수 있습니다. 가입하지 않으셨다면 이 메일을 무시하세요."),
        [(Languages.Korean, AccountTokenPurpose.ResetPassword)] = new(
            "[LectureHub] 비밀번호 재설정",
            "{name}님, 비밀번호 재설정을 요청하셨습니다. 아래 링크에서 새 비밀번호를 정해 주세요.",
            "{link}",
            "링크는 30분 동안 한 번만 쓸 수 있으며, 재설정하면 모든 기기에서 로그아웃됩니다. 요청하지 않으셨다면 이 메일을 무시하세요. 비밀번호는 바뀌지 않습니다."),
        [(Languages.Korean, AccountTokenPurpose.ChangeEmail)] = new(
            "[LectureHub] 새 이메일 주소를 확인해 주세요",
            "{name}님, LectureHub 계정의 이메일을 이 주소로 바꾸려면 아래 링크를 열어 주세요.",
            "{link}",
            "링크는 24시간 동안 한 번만 쓸 수 있습니다. 요청하지 않으셨다면 이 메일을 무시하세요. 계정의 이메일은 바뀌지 않습니다."),
        [(Languages.English, AccountTokenPurpose.ChangeEmail)] = new(
            "[LectureHub] Please confirm your new email address",
            "Hi {name}, open the link below to make this the email address of your LectureHub account.",
            "{link}",
            "The link works once, for 24 hours. If you did not ask, ignore this email: the account's address stays as it is."),
        [(Languages.English, AccountTokenPurpose.VerifyEmail)] = new(
            "[LectureHub] Please confirm your email address",
            "Hi {name}, thank you for joining LectureHub. Open the link below to confirm your email address.",
            "{link}",
            "The link works once, for 24 hours. If you did not sign up, ignore this email."),
        [(Languages.English, AccountTokenPurpose.ResetPassword)] = new(
            "[LectureHub] Reset your password",
            "Hi {name}, you asked to reset your password. Choose a new one at the link below.",
            "{link}",
            "The link works once, for 30 minutes, and resetting signs you out on every device. If you did not ask, ignore this email: your password stays as it is."),
    };

    public async Task HandleAsync(AccountTokenIssued domainEvent, CancellationToken cancellationToken)
    {
        var facts = await db.Primary.QuerySingleOrDefaultAsync<AccountLinkFacts>(FactsSql, new { domainEvent.TokenId, Now = clock.GetUtcNow() }, cancellationToken)
                    ?? throw new InvalidOperationException($"Account token {domainEvent.TokenId} does not exist, though its issue was committed.");
        if (!facts.Usable)
        {
            logger.LogInformation("Account token {TokenId} ({Purpose}) was spent or superseded before its email; not sent", domainEvent.TokenId, domainEvent.Purpose);
            return;
        }

        var (language, template) = EmailTemplate.For(Templates, facts.Language, domainEvent.Purpose);
        var values = new Dictionary<string, string>
        {
            ["{name}"] = facts.DisplayName, ["{link}"] = links.AccountLink(domainEvent.Purpose, tokens.AccountTokenValue(domainEvent.TokenId)),
        };
        var key = $"account.{domainEvent.Purpose.ToString().ToLowerInvariant()}.{domainEvent.TokenId:N}";
        await email.SendAsync(template.Render(facts.Email, facts.DisplayName, language, values, key), cancellationToken);
        logger.LogInformation("Account token {TokenId} ({Purpose}): email sent", domainEvent.TokenId, domainEvent.Purpose);
    }
}
