using LectureHub.Application.Community;

namespace LectureHub.Application.Reviews;

/// <summary>
/// A review as the course page shows it: the reviewer's verified progress when they wrote it, whether their enrolment
/// was refunded since (their rating then no longer counts), the instructor's reply, and the helpful votes.
/// </summary>
public sealed record ReviewDto(
    Guid Id, Guid CourseId, AuthorDto Reviewer, int Rating, string Body, double ProgressPercent, DateTimeOffset CreatedAt, DateTimeOffset? EditedAt,
    string? Reply, DateTimeOffset? RepliedAt, int HelpfulCount, bool MarkedHelpfulByMe, bool Refunded);

public sealed record HelpfulStateDto(Guid ReviewId, bool MarkedByMe, int HelpfulCount);

/// <summary>The course's rating as counted (active enrolments only) and how many reviews gave each star.</summary>
public sealed record RatingSummaryDto(int Count, double? Average, IReadOnlyDictionary<int, int> Stars);
