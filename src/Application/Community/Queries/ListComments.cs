using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Common;
using LectureHub.Domain.Community;
using Mediator;

namespace LectureHub.Application.Community.Queries;

/// <summary>
/// A post's comments in thread order: each top-level comment followed by its replies, oldest first, one keyset page at a
/// time over (thread, id). A comment written while paging lands where it belongs and never shifts the pages after it.
/// A deleted post's thread stays readable; a hidden post's only for its author and Admins. The first page is cached as
/// stored (CommunityCache.ThreadTtl, purged on every comment change); what each reader sees of it, and their own
/// reactions, are decided per request.
/// </summary>
public sealed record ListCommentsQuery(Guid PostId, string? Cursor = null, int Limit = ListCommentsQuery.DefaultLimit) : IQuery<CommentPage>, IPagedQuery
{
    public const int DefaultLimit = 50;

    public static int MaxLimit => 100;
}

public sealed record CommentPage(IReadOnlyList<CommentDto> Items, string? NextCursor);

internal sealed class ListCommentsValidator : AbstractValidator<ListCommentsQuery>
{
    public ListCommentsValidator() =>
        RuleFor(q => q.Cursor).Must(c => c is null || OpaqueCursor.TryDecode<CommentCursor>(c, out _))
            .WithMessage("The cursor is invalid; start again without it.");
}

internal sealed record CommentCursor(Guid Thread, Guid Id);

internal sealed class ListCommentsHandler(IReadDb db, ICache cache, ICurrentUser currentUser) : IQueryHandler<ListCommentsQuery, CommentPage>
{
    internal const string Select = """
        SELECT c.id AS "Id", c.post_id AS "PostId", c.parent_id AS "ParentId", c.thread_id AS "ThreadId", c.author_id AS "AuthorId",
               u.display_name AS "AuthorName", c.body_markdown AS "BodyMarkdown", c.body_html AS "BodyHtml", c.created_at AS "CreatedAt",
               c.edited_at AS "EditedAt", c.deleted_at IS NOT NULL AS "IsDeleted", c.is_hidden AS "IsHidden",
               c.like_count AS "LikeCount", c.dislike_count AS "DislikeCount"
        FROM comments c
        JOIN users u ON u.id = c.author_id
        """;

    private const string MyReactionsSql = """
        SELECT comment_id AS "CommentId", kind AS "Kind" FROM comment_reactions WHERE user_id = @UserId AND comment_id = ANY(@Ids)
        """;

    public async ValueTask<CommentPage> Handle(ListCommentsQuery query, CancellationToken cancellationToken)
    {
        var post = await GetPostHandler.CachedAsync(db, cache, query.PostId, cancellationToken);
        if (post is null || !currentUser.CanSee(post.AuthorId, post.IsHidden))
        {
            throw CommunityAccess.PostNotFound(query.PostId);
        }

        var cursor = query.Cursor is { } text && OpaqueCursor.TryDecode<CommentCursor>(text, out var decoded) ? decoded : null;
        var rows = cursor is null && query.Limit == ListCommentsQuery.DefaultLimit
            ? await cache.GetOrCreateAsync(CommunityCache.ThreadFirstPage(query.PostId), CommunityCache.ThreadTtl,
                ct => PageAsync(db.CacheFill, query.PostId, null, query.Limit, ct), cancellationToken)
            : await PageAsync(db, query.PostId, cursor, query.Limit, cancellationToken);
        var page = rows.Take(query.Limit).ToList();
        var mine = await ReactionsOfAsync(db, currentUser, page.Select(r => r.Id).ToArray(), cancellationToken);
        var next = rows.Count > query.Limit ? OpaqueCursor.Encode(new CommentCursor(rows[query.Limit - 1].ThreadId, rows[query.Limit - 1].Id)) : null;
        return new CommentPage(page.Select(r => r.ToDto(currentUser, mine.GetValueOrDefault(r.Id))).ToList(), next);
    }

    /// <summary>One more than a page, so the caller knows whether another follows.</summary>
    private static async Task<List<CommentRow>> PageAsync(IReadDb db, Guid postId, CommentCursor? cursor, int limit, CancellationToken ct)
    {
        var sql = Select + " WHERE c.post_id = @PostId" + (cursor is null ? "" : " AND (c.thread_id, c.id) > (@KeyThread, @KeyId)") +
                  " ORDER BY c.thread_id, c.id LIMIT @Take";
        return [.. await db.QueryAsync<CommentRow>(sql, new { PostId = postId, KeyThread = cursor?.Thread, KeyId = cursor?.Id, Take = limit + 1 }, ct)];
    }

    /// <summary>The signed-in reader's reactions to these comments (none for anonymous readers).</summary>
    internal static async Task<Dictionary<Guid, ReactionKind?>> ReactionsOfAsync(IReadDb db, ICurrentUser reader, Guid[] ids, CancellationToken ct) =>
        reader.UserId is { } userId && ids.Length > 0
            ? (await db.QueryAsync<ReactionRow>(MyReactionsSql, new { UserId = userId, Ids = ids }, ct))
                .ToDictionary(r => r.CommentId, r => (ReactionKind?)Enum.Parse<ReactionKind>(r.Kind))
            : [];

    private sealed record ReactionRow(Guid CommentId, string Kind);
}

/// <summary>A comment as stored; what a reader may see of it is decided in <see cref="ToDto"/>.</summary>
internal sealed record CommentRow(
    Guid Id, Guid PostId, Guid? ParentId, Guid ThreadId, Guid AuthorId, string AuthorName, string BodyMarkdown, string BodyHtml, DateTimeOffset CreatedAt,
    DateTimeOffset? EditedAt, bool IsDeleted, bool IsHidden, int LikeCount, int DislikeCount)
{
    /// <summary>A deleted comment shows nothing of itself; a hidden one only to its author and Admins.</summary>
    public CommentDto ToDto(ICurrentUser reader, ReactionKind? myReaction) => IsDeleted || !reader.CanSee(AuthorId, IsHidden)
        ? new(Id, PostId, ParentId, null, "", "", CreatedAt, null, IsDeleted, IsHidden, LikeCount, DislikeCount, myReaction)
        : new(Id, PostId, ParentId, new AuthorDto(AuthorId, AuthorName), BodyMarkdown, BodyHtml, CreatedAt, EditedAt, false, IsHidden, LikeCount, DislikeCount,
            myReaction);
}
