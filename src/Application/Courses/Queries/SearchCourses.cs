using System.Text;
using System.Text.Json;
using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Common;
using LectureHub.Domain.Courses;
using Mediator;

namespace LectureHub.Application.Courses.Queries;

public enum CourseSort
{
    Relevance,
    Popular,
    Newest,
    Rating,
    PriceAsc,
    PriceDesc,
}

/// <summary>
/// The catalog: published courses matching a Korean-aware text query and filters, in one of six orders, one keyset
/// page at a time. Facet counts per category come with the first page (no cursor).
/// </summary>
public sealed record SearchCoursesQuery(
    string? Q = null,
    Guid? CategoryId = null,
    CourseLevel? Level = null,
    long? MinPrice = null,
    long? MaxPrice = null,
    bool FreeOnly = false,
    Guid? InstructorId = null,
    CourseSort? Sort = null,
    string? Cursor = null,
    int Limit = 20) : IQuery<CourseSearchPage>, IPagedQuery
{
    public static int MaxLimit => 50;
    public const int MaxQueryLength = 100;

    /// <summary>
    /// Relevance ranks the newest this-many matches. Ranking must score every candidate, and a common word (용접) can
    /// match a third of the catalog; to browse every match, sort by newest.
    /// </summary>
    public const int RelevanceCandidates = 200;

    public CourseSort EffectiveSort => Sort ?? (string.IsNullOrWhiteSpace(Q) ? CourseSort.Newest : CourseSort.Relevance);
}

public sealed record CourseCardDto(
    Guid Id, string Title, string Summary, CourseLevel Level, long PriceKrw, string[] Tags, ThumbnailDto? Thumbnail, DateTimeOffset? PublishedAt,
    Guid CategoryId, Guid InstructorId, string InstructorName, int LikeCount, int EnrollmentCount, double? RatingAverage);

public sealed record CategoryFacetDto(Guid CategoryId, string Slug, string LabelKo, int Count);

public sealed record CourseSearchPage(IReadOnlyList<CourseCardDto> Items, string? NextCursor, IReadOnlyList<CategoryFacetDto>? Facets);

internal sealed class SearchCoursesValidator : AbstractValidator<SearchCoursesQuery>
{
    public SearchCoursesValidator()
    {
        RuleFor(q => q.Q).MaximumLength(SearchCoursesQuery.MaxQueryLength)
            .Must(q => q is null || q.Any(char.IsLetterOrDigit)).WithMessage("'Q' must contain a letter or digit.");
        RuleFor(q => q.MinPrice).GreaterThanOrEqualTo(0);
        RuleFor(q => q.MaxPrice).GreaterThanOrEqualTo(q => q.MinPrice ?? 0).When(q => q.MaxPrice is not null);
        RuleFor(q => q.Level).IsInEnum();
        RuleFor(q => q.Sort).IsInEnum();
        RuleFor(q => q.Sort).NotEqual(CourseSort.Relevance).When(q => string.IsNullOrWhiteSpace(q.Q))
            .WithMessage("Sorting by relevance needs a search text (q).");
        RuleFor(q => q.Cursor).Must((q, cursor) => cursor is null || SearchCursor.TryDecode(cursor, q.EffectiveSort, out _))
            .WithMessage("The cursor is invalid or belongs to another sort order; start again without it.");
    }
}

/// <summary>Opaque keyset position: the last row's sort key and id, bound to the sort it came from.</summary>
internal sealed record SearchCursor(CourseSort Sort, double? Number, DateTimeOffset? Time, Guid Id)
{
    public string Encode() => OpaqueCursor.Encode(this);

    public static bool TryDecode(string text, CourseSort sort, out SearchCursor cursor) =>
        OpaqueCursor.TryDecode(text, out cursor) && cursor.Sort == sort;
}

internal sealed class SearchCoursesHandler(IReadDb db, ICache cache) : IQueryHandler<SearchCoursesQuery, CourseSearchPage>
{
    private const string Select = """
        SELECT c.id AS "Id", c.title AS "Title", c.summary AS "Summary", c.level AS "Level", c.price_krw AS "PriceKrw", c.tags AS "Tags",
               c.thumbnail_key AS "ThumbnailKey",
               c.published_at AS "PublishedAt", c.category_id AS "CategoryId", u.id AS "InstructorId", u.display_name AS "InstructorName",
               s.like_count AS "LikeCount", s.enrollment_count AS "EnrollmentCount",
               CASE WHEN s.rating_count > 0 THEN s.rating_sum::float8 / s.rating_count END AS "RatingAverage",
               {key} AS "KeyNumber"
        FROM courses c
        JOIN users u ON u.id = c.instructor_id
        JOIN course_stats s ON s.course_id = c.id
        """;

    private const string FacetSql = """
        SELECT f.category_id AS "CategoryId", cat.slug AS "Slug", cat.label_ko AS "LabelKo", f.count AS "Count"
        FROM (SELECT c.category_id, count(*)::int AS count FROM courses c {where} GROUP BY c.category_id) f
        JOIN categories cat ON cat.id = f.category_id
        ORDER BY f.count DESC, cat.sort_order
        """;

    public async ValueTask<CourseSearchPage> Handle(SearchCoursesQuery query, CancellationToken cancellationToken)
    {
        if (IsPopularFirstPage(query))
        {
            return await cache.GetOrCreateAsync(CourseCache.PopularFirstPage(query.CategoryId), CourseCache.PageTtl, ct => SearchAsync(db.CacheFill, cache, query, ct), cancellationToken);
        }

        // Text searches' first pages are only aged out, never purged, so the standby's lag does not matter for them.
        return query is { Cursor: null, Q: { } q } && !string.IsNullOrWhiteSpace(q)
            ? await cache.GetOrCreateAsync(CourseCache.SearchFirstPage(Scope(query, withCategoryAndOrder: true)), CourseCache.SearchTtl, ct => SearchAsync(db, cache, query, ct), cancellationToken)
            : await SearchAsync(db, cache, query, cancellationToken);
    }

    /// <summary>The home screen's list: popular, first page, at most a category filter.</summary>
    private static bool IsPopularFirstPage(SearchCoursesQuery q) =>
        q is { Sort: CourseSort.Popular, Q: null, Cursor: null, Level: null, MinPrice: null, MaxPrice: null, FreeOnly: false, InstructorId: null, Limit: CourseCache.PopularPageSize };

    /// <summary>What decides a first page's contents, with the text normalized as the search functions see it.</summary>
    private static object Scope(SearchCoursesQuery query, bool withCategoryAndOrder)
    {
        var q = query.Q is null ? null : string.Join(' ', query.Q.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
        return withCategoryAndOrder
            ? new { q, query.Level, query.MinPrice, query.MaxPrice, query.FreeOnly, query.InstructorId, query.CategoryId, Sort = query.EffectiveSort, query.Limit }
            : new { q, query.Level, query.MinPrice, query.MaxPrice, query.FreeOnly, query.InstructorId };
    }

    private static async Task<CourseSearchPage> SearchAsync(IReadDb db, ICache cache, SearchCoursesQuery query, CancellationToken cancellationToken)
    {
        var sort = query.EffectiveSort;
        var (key, order, keyset) = Ordering(sort);
        var cursor = query.Cursor is { } text && SearchCursor.TryDecode(text, sort, out var decoded) ? decoded : null;
        var args = new Dictionary<string, object?>
        {
            ["Q"] = query.Q, ["CategoryId"] = query.CategoryId, ["Level"] = query.Level?.ToString(), ["MinPrice"] = query.MinPrice,
            ["MaxPrice"] = query.MaxPrice, ["InstructorId"] = query.InstructorId, ["Take"] = query.Limit + 1,
            ["KeyNumber"] = cursor?.Number, ["KeyTime"] = cursor?.Time, ["KeyId"] = cursor?.Id,
        };

        var filters = Filters(query, includeCategory: true);
        var select = Select.Replace("{key}", key, StringComparison.Ordinal);
        var sql = sort == CourseSort.Relevance
            // Rank only the newest candidates (see RelevanceCandidates); the keyset then pages through their ranking.
            ? new StringBuilder("WITH candidates AS MATERIALIZED (SELECT c.id FROM courses c").Append(Where(filters))
                .Append(" ORDER BY c.published_at DESC LIMIT ").Append(SearchCoursesQuery.RelevanceCandidates).Append(") ")
                .Append(select.Replace("FROM courses c", "FROM candidates k JOIN courses c ON c.id = k.id", StringComparison.Ordinal))
                .Append(cursor is null ? "" : " WHERE " + keyset)
            : new StringBuilder(select).Append(Where(cursor is null ? filters : [.. filters, keyset]));
        sql.Append(" ORDER BY ").Append(order).Append(" LIMIT @Take");
        var rows = await db.QueryAsync<CardRow>(sql.ToString(), args, cancellationToken);

        var items = rows.Take(query.Limit).Select(r => r.Card).ToList();
        var next = rows.Count > query.Limit
            ? new SearchCursor(sort, rows[query.Limit - 1].KeyNumber, rows[query.Limit - 1].Card.PublishedAt, rows[query.Limit - 1].Card.Id).Encode()
            : null;
        var facets = query.Cursor is null ? await FacetsAsync(db, cache, query, args, cancellationToken) : null;
        return new CourseSearchPage(items, next, facets);
    }

    /// <summary>
    /// Counting every match costs as much as the matches, so facet counts are cached per query for a short while:
    /// the queries that match the most are also the ones people repeat.
    /// </summary>
    private static Task<IReadOnlyList<CategoryFacetDto>> FacetsAsync(
        IReadDb db, ICache cache, SearchCoursesQuery query, Dictionary<string, object?> args, CancellationToken cancellationToken)
    {
        var key = CourseCache.Facets(Scope(query, withCategoryAndOrder: false));
        var sql = FacetSql.Replace("{where}", Where(Filters(query, includeCategory: false)), StringComparison.Ordinal);
        return cache.GetOrCreateAsync(key, CourseCache.FacetTtl, ct => db.CacheFill.QueryAsync<CategoryFacetDto>(sql, args, ct), cancellationToken);
    }

    /// <summary>
    /// The sort key (returned as KeyNumber for the cursor), the ORDER BY, and the keyset predicate that continues after
    /// the cursor. Each is written so its index can serve it: published_at and price_krw on courses (also per category),
    /// popularity and rating_rank on course_stats (every course has a stats row).
    /// </summary>
    private static (string Key, string Order, string Keyset) Ordering(CourseSort sort) => sort switch
    {
        // ts_rank, not ts_rank_cd: a third of the cost on bigram vectors, and order by title-then-body weight is what matters.
        CourseSort.Relevance => ("ts_rank(c.search_vector, lh_bigram_query(@Q))::float8", "\"KeyNumber\" DESC, c.id DESC",
            "(ts_rank(c.search_vector, lh_bigram_query(@Q))::float8, c.id) < (@KeyNumber, @KeyId)"),
        CourseSort.Popular => ("s.popularity::float8", "s.popularity DESC, s.course_id DESC", "(s.popularity, s.course_id) < (@KeyNumber::int, @KeyId)"),
        CourseSort.Rating => ("s.rating_rank", "s.rating_rank DESC, s.course_id DESC", "(s.rating_rank, s.course_id) < (@KeyNumber, @KeyId)"),
        CourseSort.PriceAsc => ("c.price_krw::float8", "c.price_krw ASC, c.id ASC", "(c.price_krw, c.id) > (@KeyNumber::bigint, @KeyId)"),
        CourseSort.PriceDesc => ("c.price_krw::float8", "c.price_krw DESC, c.id DESC", "(c.price_krw, c.id) < (@KeyNumber::bigint, @KeyId)"),
        _ => ("NULL::float8", "c.published_at DESC, c.id DESC", "(c.published_at, c.id) < (@KeyTime, @KeyId)"),
    };

    private static List<string> Filters(SearchCoursesQuery query, bool includeCategory)
    {
        var where = new List<string> { "c.status = 'Published'" };
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            // The instructor-name branch is its own index scan, OR-ed with the course's. "role <> 'Student'" must match
            // the partial index's predicate (SearchSql.AuthorsOnly) for the planner to use it.
            where.Add("(c.search_vector @@ lh_bigram_query(@Q) OR c.instructor_id = ANY (ARRAY(SELECT iu.id FROM users iu " +
                      "WHERE iu.role <> 'Student' AND iu.name_vector @@ lh_bigram_query(@Q))))");
        }

        if (includeCategory && query.CategoryId is not null)
        {
            where.Add("c.category_id = @CategoryId");
        }

        if (query.Level is not null)
        {
            where.Add("c.level = @Level");
        }

        if (query.FreeOnly)
        {
            where.Add("c.price_krw = 0");
        }

        if (query.MinPrice is not null)
        {
            where.Add("c.price_krw >= @MinPrice");
        }

        if (query.MaxPrice is not null)
        {
            where.Add("c.price_krw <= @MaxPrice");
        }

        if (query.InstructorId is not null)
        {
            where.Add("c.instructor_id = @InstructorId");
        }

        return where;
    }

    private static string Where(List<string> clauses) => " WHERE " + string.Join(" AND ", clauses);

    private sealed record CardRow(
        Guid Id, string Title, string Summary, CourseLevel Level, long PriceKrw, string[] Tags, string? ThumbnailKey, DateTimeOffset? PublishedAt,
        Guid CategoryId, Guid InstructorId, string InstructorName, int LikeCount, int EnrollmentCount, double? RatingAverage, double? KeyNumber)
    {
        public CourseCardDto Card => new(Id, Title, Summary, Level, PriceKrw, Tags, ThumbnailDto.From(ThumbnailKey), PublishedAt, CategoryId, InstructorId, InstructorName,
            LikeCount, EnrollmentCount, RatingAverage);
    }
}
