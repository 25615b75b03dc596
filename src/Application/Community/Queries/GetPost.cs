using LectureHub.Application.Abstractions;
using LectureHub.Domain.Community;
using Mediator;

namespace LectureHub.Application.Community.Queries;

/// <summary>
/// A post page. Opening a visible post counts a view for <paramref name="Viewer"/> (at most one per viewer per post per
/// 24 hours, buffered in Redis: see IPostViewCounter); null counts nothing, as when an author's write returns the post.
/// The post is cached (CommunityCache.PostTtl, purged on change); the caller's reaction is read live.
/// </summary>
public sealed record GetPostQuery(Guid PostId, string? Viewer) : IQuery<PostDto>;

internal sealed class GetPostHandler(IReadDb db, ICache cache, ICurrentUser currentUser, IPostViewCounter views) : IQueryHandler<GetPostQuery, PostDto>
{
    private const string Sql = """
        SELECT p.id AS "Id", p.board_id AS "BoardId", b.slug AS "BoardSlug", p.title AS "Title", p.body_markdown AS "BodyMarkdown",
               p.body_html AS "BodyHtml", p.author_id AS "AuthorId", u.display_name AS "AuthorName", p.created_at AS "CreatedAt",
               p.edited_at AS "EditedAt", p.deleted_at IS NOT NULL AS "IsDeleted", p.is_hidden AS "IsHidden", p.is_locked AS "IsLocked",
               p.pinned_at IS NOT NULL AS "IsPinned", s.view_count AS "ViewCount", s.comment_count AS "CommentCount",
               s.like_count AS "LikeCount", s.dislike_count AS "DislikeCount"
        FROM posts p
        JOIN post_stats s ON s.post_id = p.id
        JOIN boards b ON b.id = p.board_id
        JOIN users u ON u.id = p.author_id
        WHERE p.id = @PostId
        """;

    private const string MyReactionSql = "SELECT kind FROM post_reactions WHERE post_id = @PostId AND user_id = @UserId";

    public async ValueTask<PostDto> Handle(GetPostQuery query, CancellationToken cancellationToken)
    {
        var row = await CachedAsync(db, cache, query.PostId, cancellationToken);
        if (row is null || !currentUser.CanSee(row.AuthorId, row.IsHidden))
        {
            throw CommunityAccess.PostNotFound(query.PostId);
        }

        if (query.Viewer is { } viewer && row is { IsDeleted: false, IsHidden: false })
        {
            await views.RecordAsync(row.Id, viewer, cancellationToken);
        }

        var mine = currentUser.UserId is { } userId
            ? await db.QuerySingleOrDefaultAsync<string>(MyReactionSql, new { query.PostId, UserId = userId }, cancellationToken)
            : null;
        return row.ToDto(mine is null ? null : Enum.Parse<ReactionKind>(mine));
    }

    /// <summary>The post as stored, from the cache or else the primary (a purge may beat replication); null if there is none.</summary>
    internal static Task<PostRow?> CachedAsync(IReadDb db, ICache cache, Guid postId, CancellationToken ct) =>
        cache.GetOrCreateAsync(CommunityCache.Post(postId), CommunityCache.PostTtl,
            fill => db.CacheFill.QuerySingleOrDefaultAsync<PostRow>(Sql, new { PostId = postId }, fill), ct);
}

/// <summary>A post as stored; what a reader sees of it is decided in <see cref="ToDto"/>.</summary>
internal sealed record PostRow(
    Guid Id, Guid BoardId, string BoardSlug, string Title, string BodyMarkdown, string BodyHtml, Guid AuthorId, string AuthorName,
    DateTimeOffset CreatedAt, DateTimeOffset? EditedAt, bool IsDeleted, bool IsHidden, bool IsLocked, bool IsPinned,
    int ViewCount, int CommentCount, int LikeCount, int DislikeCount)
{
    /// <summary>A deleted post keeps its place and counters, without its title, body or author.</summary>
    public PostDto ToDto(ReactionKind? myReaction) => IsDeleted
        ? new(Id, BoardId, BoardSlug, "", "", "", null, CreatedAt, null, true, IsHidden, IsLocked, IsPinned,
            ViewCount, CommentCount, LikeCount, DislikeCount, myReaction)
        : new(Id, BoardId, BoardSlug, Title, BodyMarkdown, BodyHtml, new AuthorDto(AuthorId, AuthorName), CreatedAt, EditedAt, false, IsHidden,
            IsLocked, IsPinned, ViewCount, CommentCount, LikeCount, DislikeCount, myReaction);
}
