using LectureHub.Application.Abstractions;
using LectureHub.Domain.Community;
using Mediator;

namespace LectureHub.Application.Community.Queries;

/// <summary>
/// A post page. Opening a visible post counts a view for <paramref name="Viewer"/> (at most one per viewer per post per
/// 24 hours, buffered in Redis: see IPostViewCounter); null counts nothing, as when an author's write returns the post.
/// </summary>
public sealed record GetPostQuery(Guid PostId, string? Viewer) : IQuery<PostDto>;

internal sealed class GetPostHandler(IReadDb db, ICurrentUser currentUser, IPostViewCounter views) : IQueryHandler<GetPostQuery, PostDto>
{
    private const string Sql = """
        SELECT p.id AS "Id", p.board_id AS "BoardId", b.slug AS "BoardSlug", p.title AS "Title", p.body_markdown AS "BodyMarkdown",
               p.body_html AS "BodyHtml", p.author_id AS "AuthorId", u.display_name AS "AuthorName", p.created_at AS "CreatedAt",
               p.edited_at AS "EditedAt", p.deleted_at IS NOT NULL AS "IsDeleted", p.is_hidden AS "IsHidden", p.is_locked AS "IsLocked",
               p.pinned_at IS NOT NULL AS "IsPinned", s.view_count AS "ViewCount", s.comment_count AS "CommentCount",
               s.like_count AS "LikeCount", s.dislike_count AS "DislikeCount",
               (SELECT r.kind FROM post_reactions r WHERE r.post_id = p.id AND r.user_id = @UserId) AS "MyReaction"
        FROM posts p
        JOIN post_stats s ON s.post_id = p.id
        JOIN boards b ON b.id = p.board_id
        JOIN users u ON u.id = p.author_id
        WHERE p.id = @PostId
        """;

    public async ValueTask<PostDto> Handle(GetPostQuery query, CancellationToken cancellationToken)
    {
        var row = await db.QuerySingleOrDefaultAsync<PostRow>(Sql, new { query.PostId, currentUser.UserId }, cancellationToken);
        if (row is null || !currentUser.CanSee(row.AuthorId, row.IsHidden))
        {
            throw CommunityAccess.PostNotFound(query.PostId);
        }

        if (query.Viewer is { } viewer && row is { IsDeleted: false, IsHidden: false })
        {
            await views.RecordAsync(row.Id, viewer, cancellationToken);
        }

        return row.Dto;
    }

    private sealed record PostRow(
        Guid Id, Guid BoardId, string BoardSlug, string Title, string BodyMarkdown, string BodyHtml, Guid AuthorId, string AuthorName,
        DateTimeOffset CreatedAt, DateTimeOffset? EditedAt, bool IsDeleted, bool IsHidden, bool IsLocked, bool IsPinned,
        int ViewCount, int CommentCount, int LikeCount, int DislikeCount, ReactionKind? MyReaction)
    {
        public PostDto Dto => IsDeleted
            ? new(Id, BoardId, BoardSlug, "", "", "", null, CreatedAt, null, true, IsHidden, IsLocked, IsPinned,
                ViewCount, CommentCount, LikeCount, DislikeCount, MyReaction)
            : new(Id, BoardId, BoardSlug, Title, BodyMarkdown, BodyHtml, new AuthorDto(AuthorId, AuthorName), CreatedAt, EditedAt, false, IsHidden,
                IsLocked, IsPinned, ViewCount, CommentCount, LikeCount, DislikeCount, MyReaction);
    }
}
