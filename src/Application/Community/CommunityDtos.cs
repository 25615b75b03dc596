using LectureHub.Domain.Community;

namespace LectureHub.Application.Community;

public sealed record BoardDto(Guid Id, string Slug, string NameKo, string NameEn, string Description, Guid? CategoryId, int SortOrder)
{
    public static BoardDto From(Board b) => new(b.Id, b.Slug, b.NameKo, b.NameEn, b.Description, b.CategoryId, b.SortOrder);
}

public sealed record AuthorDto(Guid Id, string DisplayName);

/// <summary>A post in a list: no body, an excerpt of its source.</summary>
public sealed record PostCardDto(
    Guid Id, Guid BoardId, string BoardSlug, string Title, string Excerpt, AuthorDto Author, DateTimeOffset CreatedAt, DateTimeOffset? EditedAt,
    bool IsPinned, bool IsLocked, int ViewCount, int CommentCount, int LikeCount, int DislikeCount);

/// <summary>
/// A post page. A deleted post keeps its place (its thread stays readable) with its title, body and author withheld;
/// a hidden one is seen only by its author and Admins, flagged.
/// </summary>
public sealed record PostDto(
    Guid Id, Guid BoardId, string BoardSlug, string Title, string BodyMarkdown, string BodyHtml, AuthorDto? Author,
    DateTimeOffset CreatedAt, DateTimeOffset? EditedAt, bool IsDeleted, bool IsHidden, bool IsLocked, bool IsPinned,
    int ViewCount, int CommentCount, int LikeCount, int DislikeCount, ReactionKind? MyReaction);

/// <summary>A comment in its thread; a deleted or hidden one keeps its place with its text and author withheld.</summary>
public sealed record CommentDto(
    Guid Id, Guid PostId, Guid? ParentId, AuthorDto? Author, string BodyMarkdown, string BodyHtml, DateTimeOffset CreatedAt, DateTimeOffset? EditedAt,
    bool IsDeleted, bool IsHidden, int LikeCount, int DislikeCount, ReactionKind? MyReaction);

public sealed record ReactionStateDto(Guid TargetId, ReactionKind? MyReaction, int LikeCount, int DislikeCount);

public sealed record ReportDto(
    Guid Id, ReportTarget TargetKind, Guid TargetId, Guid PostId, string TargetExcerpt, bool TargetHidden, Guid ReporterId, ReportReason Reason,
    string Detail, ReportStatus Status, DateTimeOffset CreatedAt, int OpenReportsOnTarget);
