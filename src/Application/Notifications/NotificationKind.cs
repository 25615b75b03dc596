namespace LectureHub.Application.Notifications;

/// <summary>What a notification is about; each kind has its inbox line and email in Korean and English.</summary>
public enum NotificationKind
{
    /// <summary>To the instructor: a student asked on their course.</summary>
    QuestionAsked,

    /// <summary>To the asker: their question got an answer.</summary>
    AnswerPosted,

    /// <summary>To a comment's author: someone replied to it.</summary>
    CommentReplied,

    /// <summary>To the reviewer: the instructor replied to their review.</summary>
    ReviewReplied,
}
