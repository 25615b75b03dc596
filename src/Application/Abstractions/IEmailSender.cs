namespace LectureHub.Application.Abstractions;

/// <summary>
/// An email ready to send. <see cref="NotificationKey"/> names the notification, not the attempt: a redelivery (the
/// outbox delivers at least once) carries the same key, which the sender turns into the same Message-ID, so mail
/// systems can recognise the duplicate.
/// </summary>
public sealed record EmailMessage(string ToAddress, string ToName, string Language, string Subject, string TextBody, string HtmlBody, string NotificationKey);

/// <summary>Sends email (SMTP in Infrastructure). Throws when the message was not accepted, so the outbox retries it.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
