using LectureHub.Application.Abstractions;
using LectureHub.Infrastructure.Email;
using MimeKit;

namespace LectureHub.UnitTests.Infrastructure;

public sealed class EmailTests
{
    [Fact]
    public void A_notification_becomes_a_mime_message_whose_id_is_stable_across_redeliveries()
    {
        var settings = new EmailOptions { FromAddress = "no-reply@lecturehub.kr", FromName = "LectureHub" };
        var message = new EmailMessage("kim@example.com", "김용접", "ko", "제목", "본문", "<p>본문</p>", "cohort-application.abc.approved");

        var first = Render(message, settings);
        var second = Render(message, settings);

        Assert.Equal("cohort-application.abc.approved@lecturehub.kr", first.MessageId);
        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Equal("\"LectureHub\" <no-reply@lecturehub.kr>", first.From.ToString());
        Assert.Equal("kim@example.com", first.To.Mailboxes.Single().Address);
        Assert.Equal("ko", first.Headers[HeaderId.ContentLanguage]);
        Assert.Equal("auto-generated", first.Headers["Auto-Submitted"]);
        Assert.Equal(("본문", "<p>본문</p>"), (first.TextBody, first.HtmlBody));
    }

    private static MimeMessage Render(EmailMessage message, EmailOptions settings) => SmtpEmailSender.ToMime(message, settings);
}
