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

    /// <summary>The popular list's first page is what the home screen shows; it is cached per category and for all.</summary>
    public const int PopularPageSize = 20;

    public static string Page(Guid courseId) => $"course:{courseId:N}:v1";

    public static string PopularFirstPage(Guid? categoryId) => $"courses:popular:{(categoryId is { } id ? id.ToString("N") : "all")}:v1";

    public static async Task PurgeAsync(ICache cache, CourseChanged changed, CancellationToken ct)
    {
        await cache.RemoveAsync(Page(changed.CourseId), ct);
        await cache.RemoveAsync(PopularFirstPage(changed.CategoryId), ct);
        await cache.RemoveAsync(PopularFirstPage(null), ct);
    }
}
