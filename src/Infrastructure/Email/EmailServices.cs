using LectureHub.Application.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace LectureHub.Infrastructure.Email;

internal static class EmailServices
{
    /// <summary>SMTP over MailKit, one kept-open connection.</summary>
    public static void AddEmail(this Registration r)
    {
        r.Options<EmailOptions>(EmailOptions.Section);
        r.Services.AddSingleton<IEmailSender, SmtpEmailSender>();
        r.Services.AddSingleton<IWebLinks, WebLinks>();
    }
}
