using LectureHub.Application.Abstractions;
using Mediator;

namespace LectureHub.Application.Community.Queries;

public sealed record ListBoardsQuery : IQuery<IReadOnlyList<BoardDto>>
{
    public const string CacheKey = "boards:v1";

    /// <summary>A backstop only: every change purges the key through the outbox.</summary>
    public static readonly TimeSpan CacheTtl = TimeSpan.FromMinutes(30);
}

internal sealed class ListBoardsHandler(IReadDb db, ICache cache) : IQueryHandler<ListBoardsQuery, IReadOnlyList<BoardDto>>
{
    private const string Sql = """
        SELECT id AS "Id", slug AS "Slug", name_ko AS "NameKo", name_en AS "NameEn", description AS "Description",
               category_id AS "CategoryId", sort_order AS "SortOrder"
        FROM boards
        ORDER BY sort_order, slug
        """;

    public async ValueTask<IReadOnlyList<BoardDto>> Handle(ListBoardsQuery query, CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync(ListBoardsQuery.CacheKey, ListBoardsQuery.CacheTtl, ct => db.CacheFill.QueryAsync<BoardDto>(Sql, null, ct), cancellationToken);
}
