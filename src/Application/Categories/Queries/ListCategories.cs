using LectureHub.Application.Abstractions;
using Mediator;

namespace LectureHub.Application.Categories.Queries;

public sealed record ListCategoriesQuery : IQuery<IReadOnlyList<CategoryDto>>
{
    public const string CacheKey = "categories:v1";

    /// <summary>A backstop only: every change purges the key through the outbox.</summary>
    public static readonly TimeSpan CacheTtl = TimeSpan.FromMinutes(30);
}

internal sealed class ListCategoriesHandler(IReadDb db, ICache cache) : IQueryHandler<ListCategoriesQuery, IReadOnlyList<CategoryDto>>
{
    private const string Sql = """
        SELECT id AS "Id", slug AS "Slug", label_ko AS "LabelKo", label_en AS "LabelEn", icon AS "Icon", sort_order AS "SortOrder"
        FROM categories
        ORDER BY sort_order, slug
        """;

    public async ValueTask<IReadOnlyList<CategoryDto>> Handle(ListCategoriesQuery query, CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync(
            ListCategoriesQuery.CacheKey,
            ListCategoriesQuery.CacheTtl,
            ct => db.Primary.QueryAsync<CategoryDto>(Sql, null, ct),
            cancellationToken);
}
