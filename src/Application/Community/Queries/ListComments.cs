using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Common;
using LectureHub.Domain.Community;
using Mediator;

namespace LectureHub.Application.Community.Queries;

/// <summary>
/// A post's comments in thread order: each top-level comment followed by its replies, oldest first, one keyset page at a
/// time over (thread, id). A comment written while paging lands where it belongs and never shifts the pages after it.
/// A deleted post's thread stays readable; a hidden post's only for its author and Admins.
/// </summary>
public sealed record ListCommentsQuery(Guid PostId, string? Cursor = null, int Limit = 50) : IQuery<CommentPage>, IPagedQuery
{
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

internal sealed class ListCommentsHandler(IReadDb db, ICurrentUser currentUser) : IQueryHandler<ListCommentsQuery, CommentPage>
{
    internal const string Select = """
        SELECT c.id AS "Id", c.post_id AS "PostId", c.parent_id AS "ParentId", c.thread_id AS "ThreadId", c.author_id AS "AuthorId",
               u.display_name AS "AuthorName", c.body_markdown AS "BodyMarkdown", c.body_html AS "BodyHtml", c.created_at AS "CreatedAt",
               c.edited_at AS "EditedAt", c.deleted_at IS NOT NULL AS "IsDeleted", c.is_hidden AS "IsHidden",
               c.like_count AS "LikeCount", c.dislike_count AS "DislikeCount", r.kind AS "MyReaction"
        FROM comments c
        JOIN users u ON u.id = c.author_id
        LEFT JOIN comment_reactions r ON r.comment_id = c.id AND r.user_id = @UserId
        """;

    private const string PostSql = "SELECT author_id AS \"AuthorId\", is_hidden AS \"IsHidden\" FROM posts WHERE id = @PostId";

    public async ValueTask<CommentPage> Handle(ListCommentsQuery query, CancellationToken cancellationToken)
    {
        var post = await db.QuerySingleOrDefaultAsync<PostAccess>(PostSql, new { query.PostId }, cancellationToken);
        if (post is null || !currentUser.CanSee(post.AuthorId, post.IsHidden))
        {
            throw CommunityAccess.PostNotFound(query.PostId);
        }

        var cursor = query.Cursor is { } text && OpaqueCursor.TryDecode<CommentCursor>(text, out var decoded) ? decoded : null;
        var sql = Select + " WHERE c.post_id = @PostId" + (cursor is null ? "" : " AND (c.thread_id, c.id) > (@KeyThread, @KeyId)") +
                  " ORDER BY c.thread_id, c.id LIMIT @Take";
        var rows = await db.QueryAsync<CommentRow>(sql, new { query.PostId, currentUser.UserId, KeyThread = cursor?.Thread, KeyId = cursor?.Id, Take = query.Limit + 1 },
            cancellationToken);
        var items = rows.Take(query.Limit).Select(r => r.ToDto(currentUser)).ToList();
        var next = rows.Count > query.Limit ? OpaqueCursor.Encode(new CommentCursor(rows[query.Limit - 1].ThreadId, rows[query.Limit - 1].Id)) : null;
        return new CommentPage(items, next);
    }

    private sealed record PostAccess(Guid AuthorId, bool IsHidden);
}

/// <summary>A comment as stored; what a reader may see of it is decided in <see cref="ToDto"/>.</summary>
internal sealed record CommentRow(
    Guid Id, Guid PostId, Guid? ParentId, Guid ThreadId, Guid AuthorId, string AuthorName, string BodyMarkdown, string BodyHtml, DateTimeOffset CreatedAt,
    DateTimeOffset? EditedAt, bool IsDeleted, bool IsHidden, int LikeCount, int DislikeCount, ReactionKind? MyReaction)
{
    /// <summary>A deleted comment shows nothing of itself; a hidden one only to its author and Admins.</summary>
    public CommentDto ToDto(ICurrentUser reader) => IsDeleted || !reader.CanSee(AuthorId, IsHidden)
        ? new(Id, PostId, ParentId, null, "", "", CreatedAt, null, IsDeleted, IsHidden, LikeCount, DislikeCount, MyReaction)
        : new(Id, PostId, ParentId, new AuthorDto(AuthorId, AuthorName), BodyMarkdown, BodyHtml, CreatedAt, EditedAt, false, IsHidden, LikeCount, DislikeCount,
            MyReaction);
}
