using System.ComponentModel.DataAnnotations;
using MailKit.Security;

namespace LectureHub.Infrastructure.Email;

/// <summary>The SMTP server emails leave through. Development points at maildev on loopback (scripts/dev-services.sh).</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    [Required(ErrorMessage = "Email:Host is required: the SMTP server notifications are sent through.")]
    public string Host { get; set; } = "";

    [Range(1, 65_535)]
    public int Port { get; set; } = 587;

    /// <summary>None, Auto, SslOnConnect, StartTls or StartTlsWhenAvailable (MailKit's names).</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;

    /// <summary>Leave empty for a server that takes mail without authentication.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    [Required, EmailAddress]
    public string FromAddress { get; set; } = "no-reply@lecturehub.local";

    public string FromName { get; set; } = "LectureHub";

    /// <summary>
    /// The web client's page that takes emailed links: a verification link is {LinkBaseUrl}/verify-email?token=…, a
    /// reset link {LinkBaseUrl}/reset-password?token=…; the page posts the token to the API.
    /// </summary>
    [Required(ErrorMessage = "Email:LinkBaseUrl is required: the web page that emailed links open."), Url]
    public string LinkBaseUrl { get; set; } = "";

    /// <summary>Per SMTP operation (connect, send). A whole delivery is cut off by the outbox after 20 s in any case.</summary>
    [Range(1, 30)]
    public int TimeoutSeconds { get; set; } = 15;
}
