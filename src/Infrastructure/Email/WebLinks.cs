using LectureHub.Application.Abstractions;
using LectureHub.Domain.Users;
using Microsoft.Extensions.Options;

namespace LectureHub.Infrastructure.Email;

internal sealed class WebLinks(IOptions<EmailOptions> options) : IWebLinks
{
    public string AccountLink(AccountTokenPurpose purpose, string value)
    {
        var page = purpose switch
        {
            AccountTokenPurpose.VerifyEmail or AccountTokenPurpose.ChangeEmail => "verify-email",
            AccountTokenPurpose.ResetPassword => "reset-password",
            _ => throw new ArgumentOutOfRangeException(nameof(purpose), purpose, null),
        };
        return $"{options.Value.LinkBaseUrl.TrimEnd('/')}/{page}?token={Uri.EscapeDataString(value)}";
    }

    public string ExternalSignInCompletion(string intent, string? ticket, string? errorCode) =>
        $"{options.Value.LinkBaseUrl.TrimEnd('/')}/oauth/complete?intent={Uri.EscapeDataString(intent)}"
        + (ticket is null ? "" : $"&ticket={Uri.EscapeDataString(ticket)}")
        + (errorCode is null ? "" : $"&error={Uri.EscapeDataString(errorCode)}");
}
