using LectureHub.Application.Common.Email;
using LectureHub.Domain.Users;

namespace LectureHub.Application.Notifications;

/// <summary>
/// The inbox line and the email of each kind, in Korean and English. Placeholders: {name} (the recipient), {actor},
/// {course}, {title}, {excerpt}.
/// </summary>
internal static class NotificationEmails
{
    private static readonly Dictionary<(string Language, NotificationKind Kind), string> InboxLines = new()
    {
        [(Languages.Korean, NotificationKind.QuestionAsked)] = "{actor}님이 '{course}'에 질문했습니다: {title}",
        [(Languages.Korean, NotificationKind.AnswerPosted)] = "{actor}님이 질문 '{title}'에 답변했습니다",
        [(Languages.Korean, NotificationKind.CommentReplied)] = "{actor}님이 '{title}'의 내 댓글에 답글을 달았습니다",
        [(Languages.Korean, NotificationKind.ReviewReplied)] = "강사 {actor}님이 '{course}' 수강평에 답글을 남겼습니다",
        [(Languages.English, NotificationKind.QuestionAsked)] = "{actor} asked on '{course}': {title}",
        [(Languages.English, NotificationKind.AnswerPosted)] = "{actor} answered your question '{title}'",
        [(Languages.English, NotificationKind.CommentReplied)] = "{actor} replied to your comment on '{title}'",
        [(Languages.English, NotificationKind.ReviewReplied)] = "Instructor {actor} replied to your review of '{course}'",
    };

    private static readonly Dictionary<(string Language, NotificationKind Kind), EmailTemplate> Emails = new()
    {
        [(Languages.Korean, NotificationKind.QuestionAsked)] = new("[LectureHub] '{course}'에 새 질문이 있습니다", "{name}님, {actor}님이 질문을 남겼습니다.", "제목: {title}", "{excerpt}"),
        [(Languages.Korean, NotificationKind.AnswerPosted)] = new("[LectureHub] 질문에 답변이 달렸습니다", "{name}님, {actor}님이 질문 '{title}'에 답변했습니다.", "{excerpt}"),
        [(Languages.Korean, NotificationKind.CommentReplied)] = new("[LectureHub] 댓글에 답글이 달렸습니다", "{name}님, {actor}님이 '{title}'의 댓글에 답글을 달았습니다.", "{excerpt}"),
        [(Languages.Korean, NotificationKind.ReviewReplied)] = new("[LectureHub] 강사가 수강평에 답했습니다", "{name}님, '{course}'의 강사 {actor}님이 수강평에 답글을 남겼습니다.", "{excerpt}"),
        [(Languages.English, NotificationKind.QuestionAsked)] = new("[LectureHub] A new question on '{course}'", "Hi {name}, {actor} asked a question.", "Title: {title}", "{excerpt}"),
        [(Languages.English, NotificationKind.AnswerPosted)] = new("[LectureHub] Your question has an answer", "Hi {name}, {actor} answered your question '{title}'.", "{excerpt}"),
        [(Languages.English, NotificationKind.CommentReplied)] = new("[LectureHub] A reply to your comment", "Hi {name}, {actor} replied to your comment on '{title}'.", "{excerpt}"),
        [(Languages.English, NotificationKind.ReviewReplied)] = new("[LectureHub] The instructor replied to your review", "Hi {name}, {actor}, the instructor of '{course}', replied to your review.", "{excerpt}"),
    };

    /// <summary>Every (language, kind) pair has an inbox line and an email; unit tests hold this true.</summary>
    public static bool HasBoth(string language, NotificationKind kind) => Emails.ContainsKey((language, kind)) && InboxLines.ContainsKey((language, kind));

    public static Dictionary<string, string> Values(NotificationFacts facts) => new()
    {
        ["{name}"] = facts.DisplayName, ["{actor}"] = facts.Actor, ["{course}"] = facts.Course, ["{title}"] = facts.Title, ["{excerpt}"] = facts.Excerpt,
    };

    public static string InboxLine(NotificationKind kind, NotificationFacts facts)
    {
        var language = InboxLines.ContainsKey((facts.Language, kind)) ? facts.Language : Languages.Default;
        return EmailTemplate.FillText(InboxLines[(language, kind)], Values(facts));
    }

    public static Abstractions.EmailMessage Compose(NotificationKind kind, string key, NotificationFacts facts)
    {
        var (language, template) = EmailTemplate.For(Emails, facts.Language, kind);
        return template.Render(facts.Email, facts.DisplayName, language, Values(facts), key);
    }
}
