using LectureHub.Application.Abstractions;
using LectureHub.Application.Notifications;
using LectureHub.Domain.Users;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;

namespace LectureHub.UnitTests.Application;

public sealed class NotificationTests
{
    private static readonly Guid Subject = Guid.Parse("1b5e4f6a-8c1d-4e2f-9a3b-7c6d5e4f3a2b");

    private static NotificationFacts Facts(string language = Languages.Korean, Guid? actor = null) => new(
        Guid.Parse("2b5e4f6a-8c1d-4e2f-9a3b-7c6d5e4f3a2b"), "lee@example.com", "이학생", language, actor ?? Guid.NewGuid(), "김강사", "TIG 용접 실기", "텅스텐 각도?",
        "전극은   30도로\n갈아 주세요 <b>", Subject);

    public static TheoryData<string, NotificationKind> Every()
    {
        var data = new TheoryData<string, NotificationKind>();
        foreach (var language in Languages.Supported)
        {
            foreach (var kind in Enum.GetValues<NotificationKind>())
            {
                data.Add(language, kind);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Every))]
    public void Every_kind_has_an_inbox_line_and_an_email_in_every_language_with_every_placeholder_filled(string language, NotificationKind kind)
    {
        Assert.True(NotificationEmails.HasBoth(language, kind));

        var line = NotificationEmails.InboxLine(kind, Facts(language));
        var email = NotificationEmails.Compose(kind, "notification.key", Facts(language));

        Assert.DoesNotContain("{", line + email.Subject + email.TextBody);
        Assert.Contains("김강사", line + email.TextBody);
        Assert.Equal((language, "notification.key"), (email.Language, email.NotificationKey));
        Assert.Contains("&lt;b&gt;", email.HtmlBody);
    }

    [Fact]
    public async Task A_notification_goes_to_the_inbox_and_by_email_unless_turned_off_and_never_to_the_actor()
    {
        var inbox = Substitute.For<INotificationInbox>();
        var email = Substitute.For<IEmailSender>();
        var notifier = new Notifier(inbox, email, TimeProvider.System, NullLogger<Notifier>.Instance);
        var facts = Facts();
        inbox.WantsEmailAsync(facts.UserId, NotificationKind.AnswerPosted, Arg.Any<CancellationToken>()).Returns(true);
        inbox.WantsEmailAsync(facts.UserId, NotificationKind.CommentReplied, Arg.Any<CancellationToken>()).Returns(false);

        await notifier.NotifyAsync(NotificationKind.AnswerPosted, Subject, facts, "question", "/api/v1/questions/x", CancellationToken.None);
        await notifier.NotifyAsync(NotificationKind.CommentReplied, Subject, facts, "post", "/api/v1/posts/x", CancellationToken.None);
        await notifier.NotifyAsync(NotificationKind.QuestionAsked, Subject, facts with { ActorId = facts.UserId }, "question", "/q", CancellationToken.None);

        await inbox.Received(1).DeliverAsync(Arg.Is<NotificationDraft>(d =>
            d.Key == $"AnswerPosted:{Subject:N}" && d.Excerpt == "전극은 30도로 갈아 주세요 <b>" && d.Path == "/api/v1/questions/x"), Arg.Any<CancellationToken>());
        await inbox.Received(1).DeliverAsync(Arg.Is<NotificationDraft>(d => d.Kind == NotificationKind.CommentReplied), Arg.Any<CancellationToken>());
        await inbox.DidNotReceive().DeliverAsync(Arg.Is<NotificationDraft>(d => d.Kind == NotificationKind.QuestionAsked), Arg.Any<CancellationToken>());
        await email.Received(1).SendAsync(Arg.Is<EmailMessage>(m => m.NotificationKey == $"notification.answerposted.{Subject:N}"), Arg.Any<CancellationToken>());
        await email.Received(1).SendAsync(Arg.Any<EmailMessage>(), Arg.Any<CancellationToken>());
    }
}
