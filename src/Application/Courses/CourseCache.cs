using System.Security.Cryptography;
using System.Text.Json;
using LectureHub.Application.Abstractions;
using LectureHub.Domain.Courses;

namespace LectureHub.Application.Courses;

/// <summary>What of the catalog is cached, for how long, and under which keys. One place for readers and purgers.</summary>
internal static class CourseCache
{
    /// <summary>Purged on every change through the outbox; the TTL is a backstop. Like counts on it may lag by up to this.</summary>
    public static readonly TimeSpan PageTtl = TimeSpan.FromMinutes(1);

    /// <summary>Facet counts per search; not purged on change, only aged out.</summary>
    public static readonly TimeSpan FacetTtl = TimeSpan.FromMinutes(2);

    /// <summary>
    /// First pages of text searches, per normalized query, filters and sort; not purged, only aged out. Searches repeat
    /// (a trade has a few dozen words people type), so the head of the distribution is served from memory, and a new
    /// or edited course reaches search results within this (its author sees it at once: read-your-writes).
    /// </summary>
    public static readonly TimeSpan SearchTtl = TimeSpan.FromSeconds(30);

    /// <summary>The popular list's first page is what the home screen shows; it is cached per category and for all.</summary>
    public const int PopularPageSize = 20;

    public static string Page(Guid courseId) => $"course:{courseId:N}:v1";

    public static string PopularFirstPage(Guid? categoryId) => $"courses:popular:{(categoryId is { } id ? id.ToString("N") : "all")}:v1";

    /// <summary>A search's first page; <paramref name="scope"/> is every input that changes the page.</summary>
    public static string SearchFirstPage(object scope) => "courses:search:v1:" + Hash(scope);

    /// <summary>Facet counts; <paramref name="scope"/> is every input that changes them.</summary>
    public static string Facets(object scope) => "courses:facets:v1:" + Hash(scope);

    private static string Hash(object scope) => Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(scope)));

    public static async Task PurgeAsync(ICache cache, CourseChanged changed, CancellationToken ct)
    {
        await cache.RemoveAsync(Page(changed.CourseId), ct);
        await cache.RemoveAsync(PopularFirstPage(changed.CategoryId), ct);
        await cache.RemoveAsync(PopularFirstPage(null), ct);
    }
}
