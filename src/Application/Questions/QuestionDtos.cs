using LectureHub.Application.Community;

namespace LectureHub.Application.Questions;

public sealed record QuestionCardDto(
    Guid Id, Guid CourseId, string CourseTitle, Guid? LectureId, int? AtSeconds, string Title, AuthorDto Author, DateTimeOffset CreatedAt, int AnswerCount,
    bool HasAcceptedAnswer);

public sealed record AnswerDto(
    Guid Id, AuthorDto Author, bool ByInstructor, string BodyMarkdown, string BodyHtml, DateTimeOffset CreatedAt, DateTimeOffset? EditedAt, bool Accepted);

/// <summary>A question with its lecture and moment, and every answer (accepted first, then oldest first).</summary>
public sealed record QuestionDto(
    Guid Id, Guid CourseId, string CourseTitle, Guid? LectureId, string? LectureTitle, int? AtSeconds, string Title, string BodyMarkdown, string BodyHtml,
    AuthorDto Author, DateTimeOffset CreatedAt, DateTimeOffset? EditedAt, Guid? AcceptedAnswerId, IReadOnlyList<AnswerDto> Answers);

public sealed record QuestionPage(IReadOnlyList<QuestionCardDto> Items, string? NextCursor);
