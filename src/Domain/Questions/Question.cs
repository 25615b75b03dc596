using LectureHub.Domain.Common;
using LectureHub.Domain.Community;

namespace LectureHub.Domain.Questions;

/// <summary>
/// An enrolled student's question on a course, optionally on a lecture and a moment in it. One answer may be accepted,
/// by the asker or the course's instructor; accepting another replaces it.
/// </summary>
public sealed class Question : Entity
{
    public const int MaxTitleLength = 150;
    public const int MaxBodyLength = 10_000;

    private Question()
    {
    }

    public Guid CourseId { get; private set; }

    public Guid? LectureId { get; private set; }

    /// <summary>The moment in the lecture the question is about, in seconds from its start.</summary>
    public int? AtSeconds { get; private set; }

    public Guid AuthorId { get; private set; }

    public string Title { get; private set; } = "";

    public string BodyMarkdown { get; private set; } = "";

    public string BodyHtml { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? EditedAt { get; private set; }

    public Guid? AcceptedAnswerId { get; private set; }

    public static Question Ask(Guid courseId, Guid? lectureId, int? atSeconds, Guid authorId, string title, RenderedText body, DateTimeOffset now)
    {
        if (atSeconds is not null && lectureId is null)
        {
            throw new DomainValidationException("QUESTION_MOMENT_WITHOUT_LECTURE", "A moment (atSeconds) needs the lecture it is in.");
        }

        var question = new Question
        {
            CourseId = courseId, LectureId = lectureId, AtSeconds = atSeconds, AuthorId = authorId, Title = title.Trim(), BodyMarkdown = body.Markdown,
            BodyHtml = body.Html, CreatedAt = now,
        };
        question.Raise(new QuestionAsked(question.Id));
        return question;
    }

    public void Edit(string title, RenderedText body, DateTimeOffset now) =>
        (Title, BodyMarkdown, BodyHtml, EditedAt) = (title.Trim(), body.Markdown, body.Html, now);

    public void Accept(Answer answer)
    {
        if (answer.QuestionId != Id)
        {
            throw new DomainValidationException("ANSWER_NOT_ON_QUESTION", "The answer belongs to another question.");
        }

        AcceptedAnswerId = answer.Id;
    }
}

/// <summary>A question was asked: the course's instructor is notified.</summary>
public sealed record QuestionAsked(Guid QuestionId) : IDomainEvent;
