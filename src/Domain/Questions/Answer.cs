using LectureHub.Domain.Common;
using LectureHub.Domain.Community;

namespace LectureHub.Domain.Questions;

/// <summary>An answer to a course question, by the course's instructor or an enrolled student.</summary>
public sealed class Answer : Entity
{
    public const int MaxBodyLength = 10_000;

    private Answer()
    {
    }

    public Guid QuestionId { get; private set; }

    public Guid AuthorId { get; private set; }

    /// <summary>Whether the author is the course's instructor (shown as such).</summary>
    public bool ByInstructor { get; private set; }

    public string BodyMarkdown { get; private set; } = "";

    public string BodyHtml { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? EditedAt { get; private set; }

    public static Answer Post(Question question, Guid authorId, bool byInstructor, RenderedText body, DateTimeOffset now)
    {
        var answer = new Answer
        {
            QuestionId = question.Id, AuthorId = authorId, ByInstructor = byInstructor, BodyMarkdown = body.Markdown, BodyHtml = body.Html, CreatedAt = now,
        };
        answer.Raise(new AnswerPosted(answer.Id));
        return answer;
    }

    public void Edit(RenderedText body, DateTimeOffset now) => (BodyMarkdown, BodyHtml, EditedAt) = (body.Markdown, body.Html, now);
}

/// <summary>An answer was posted: the asker is notified.</summary>
public sealed record AnswerPosted(Guid AnswerId) : IDomainEvent;
