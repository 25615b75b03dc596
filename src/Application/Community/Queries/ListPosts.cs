using System.Text;
using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Common;
using Mediator;

namespace LectureHub.Application.Community.Queries;

public enum PostSort
{
    Newest,
    MostViewed,
    MostCommented,
    Hot,
}

/// <summary>
/// Visible posts of one board or of all, in one of four orders, one keyset page at a time; q finds Korean partial
/// words in titles and bodies as course search does. A board's first page also carries its pinned posts.
/// </summary>
public sealed record ListPostsQuery(Guid? BoardId = null, string? Q = null, PostSort Sort = PostSort.Newest, string? Cursor = null, int Limit = 20)
    : IQuery<PostPage>, IPagedQuery
{
    public static int MaxLimit => 50;
    public const int MaxQueryLength = 100;
    public const int MaxPinned = 5;
}

public sealed record PostPage(IReadOnlyList<PostCardDto> Items, string? NextCursor, IReadOnlyList<PostCardDto>? Pinned);

internal sealed class ListPostsValidator : AbstractValidator<ListPostsQuery>
{
    public ListPostsValidator()
    {
        RuleFor(q => q.Q).MaximumLength(ListPostsQuery.MaxQueryLength)
            .Must(q => q is null || q.Any(char.IsLetterOrDigit)).WithMessage("'Q' must contain a letter or digit.");
        RuleFor(q => q.Sort).IsInEnum();
        RuleFor(q => q.Cursor).Must((q, cursor) => cursor is null || PostCursor.TryDecode(cursor, q.Sort, out _))
            .WithMessage("The cursor is invalid or belongs to another sort order; start again without it.");
    }
}

/// <summary>Opaque keyset position: the last row's sort key and id, bound to the sort it came from.</summary>
internal sealed record PostCursor(PostSort Sort, long Number, DateTimeOffset Time, Guid Id)
{
    public string Encode() => OpaqueCursor.Encode(this);

    public static bool TryDecode(string text, PostSort sort, out PostCursor cursor) => OpaqueCursor.TryDecode(text, out cursor) && cursor.Sort == sort;
}

internal sealed class ListPostsHandler(IReadDb db, ICache cache) : IQueryHandler<ListPostsQuery, PostPage>
{
    internal const string Card = """
        SELECT p.id AS "Id", p.board_id AS "BoardId", b.slug AS "BoardSlug", p.title AS "Title", left(p.body_markdown, 160) AS "Excerpt",
               u.id AS "AuthorId", u.display_name AS "AuthorName", p.created_at AS "CreatedAt", p.edited_at AS "EditedAt",
               p.pinned_at IS NOT NULL AS "IsPinned", p.is_locked AS "IsLocked",
               s.view_count AS "ViewCount", s.comment_count AS "CommentCount", s.like_count AS "LikeCount", s.dislike_count AS "DislikeCount",
               {key} AS "KeyNumber"
        FROM posts p
        JOIN post_stats s ON s.post_id = p.id
        JOIN boards b ON b.id = p.board_id
        JOIN users u ON u.id = p.author_id
        WHERE p.deleted_at IS NULL AND NOT p.is_hidden
        """;

    /// <summary>A board's first page (no search text) is what everyone opens: cached briefly (see CommunityCache.BoardPageTtl).</summary>
    public async ValueTask<PostPage> Handle(ListPostsQuery query, CancellationToken cancellationToken) =>
        query is { Cursor: null, Q: null }
            ? await cache.GetOrCreateAsync(CommunityCache.BoardPage(query.BoardId, query.Sort, query.Limit), CommunityCache.BoardPageTtl,
                ct => PageAsync(query, ct), cancellationToken)
            : await PageAsync(query, cancellationToken);

    private async Task<PostPage> PageAsync(ListPostsQuery query, CancellationToken cancellationToken)
    {
        var (key, order, keyset, board) = Ordering(query.Sort);
        var cursor = query.Cursor is { } text && PostCursor.TryDecode(text, query.Sort, out var decoded) ? decoded : null;
        var sql = new StringBuilder(Card.Replace("{key}", key, StringComparison.Ordinal));
        if (query.BoardId is not null)
        {
            sql.Append(" AND ").Append(board).Append(" = @BoardId");
        }

        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            sql.Append(" AND p.search_vector @@ lh_bigram_query(@Q)");
        }

        if (cursor is not null)
        {
            sql.Append(" AND ").Append(keyset);
        }

        sql.Append(" ORDER BY ").Append(order).Append(" LIMIT @Take");
        var args = new { query.BoardId, query.Q, Take = query.Limit + 1, KeyNumber = cursor?.Number, KeyTime = cursor?.Time, KeyId = cursor?.Id };
        var rows = await db.QueryAsync<CardRow>(sql.ToString(), args, cancellationToken);

        var items = rows.Take(query.Limit).Select(r => r.Card).ToList();
        var last = rows.Count > query.Limit ? rows[query.Limit - 1] : null;
        var next = last is null ? null : new PostCursor(query.Sort, last.KeyNumber, last.CreatedAt, last.Id).Encode();
        var pinned = query is { BoardId: not null, Cursor: null, Q: null } ? await PinnedAsync(query.BoardId.Value, cancellationToken) : null;
        return new PostPage(items, next, pinned);
    }

    private async Task<IReadOnlyList<PostCardDto>> PinnedAsync(Guid boardId, CancellationToken ct)
    {
        var sql = Card.Replace("{key}", "0::int8", StringComparison.Ordinal) +
                  $" AND p.board_id = @BoardId AND p.pinned_at IS NOT NULL ORDER BY p.pinned_at DESC LIMIT {ListPostsQuery.MaxPinned}";
        return (await db.QueryAsync<CardRow>(sql, new { BoardId = boardId }, ct)).Select(r => r.Card).ToList();
    }

    /// <summary>
    /// The sort key (KeyNumber, for the cursor), the ORDER BY, the keyset predicate after the cursor, and which table's
    /// board column the filter uses: newest walks posts' (board, created_at, id) index, the counter sorts walk
    /// post_stats' (board, counter, post) indexes.
    /// </summary>
    private static (string Key, string Order, string Keyset, string Board) Ordering(PostSort sort) => sort switch
    {
        PostSort.MostViewed => ("s.view_count::int8", "s.view_count DESC, s.post_id DESC", "(s.view_count, s.post_id) < (@KeyNumber::int, @KeyId)", "s.board_id"),
        PostSort.MostCommented => ("s.comment_count::int8", "s.comment_count DESC, s.post_id DESC", "(s.comment_count, s.post_id) < (@KeyNumber::int, @KeyId)", "s.board_id"),
        PostSort.Hot => ("s.hot_score::int8", "s.hot_score DESC, s.post_id DESC", "(s.hot_score, s.post_id) < (@KeyNumber::int, @KeyId)", "s.board_id"),
        _ => ("0::int8", "p.created_at DESC, p.id DESC", "(p.created_at, p.id) < (@KeyTime, @KeyId)", "p.board_id"),
    };

    private sealed record CardRow(
        Guid Id, Guid BoardId, string BoardSlug, string Title, string Excerpt, Guid AuthorId, string AuthorName, DateTimeOffset CreatedAt,
        DateTimeOffset? EditedAt, bool IsPinned, bool IsLocked, int ViewCount, int CommentCount, int LikeCount, int DislikeCount, long KeyNumber)
    {
        public PostCardDto Card => new(Id, BoardId, BoardSlug, Title, Excerpt, new AuthorDto(AuthorId, AuthorName), CreatedAt, EditedAt, IsPinned, IsLocked,
            ViewCount, CommentCount, LikeCount, DislikeCount);
    }
}
