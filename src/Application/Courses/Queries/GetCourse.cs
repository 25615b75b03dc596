using LectureHub.Application.Abstractions;
using LectureHub.Domain.Courses;
using LectureHub.Domain.Users;
using Mediator;

namespace LectureHub.Application.Courses.Queries;

/// <summary>
/// The course page, cached (see <see cref="CourseCache"/>) except for whether the caller liked it. Drafts and archived
/// courses are visible only to their instructor and Admins.
/// </summary>
public sealed record GetCourseQuery(Guid Id) : IQuery<CourseDetailDto>;

internal sealed class GetCourseHandler(IReadDb db, ICache cache, ICurrentUser currentUser) : IQueryHandler<GetCourseQuery, CourseDetailDto>
{
    private const string CourseSql = """
        SELECT c.id AS "Id", c.title AS "Title", c.summary AS "Summary", c.description AS "Description", c.level AS "Level",
               c.language AS "Language", c.price_krw AS "PriceKrw", c.tags AS "Tags", c.thumbnail_key AS "ThumbnailKey", c.status AS "Status",
               c.published_at AS "PublishedAt", c.updated_at AS "UpdatedAt",
               cat.id AS "CategoryId", cat.slug AS "CategorySlug", cat.label_ko AS "CategoryLabelKo", cat.label_en AS "CategoryLabelEn",
               u.id AS "InstructorId", u.display_name AS "InstructorName",
               coalesce(s.like_count, 0) AS "LikeCount", coalesce(s.enrollment_count, 0) AS "EnrollmentCount",
               coalesce(s.rating_count, 0) AS "RatingCount",
               CASE WHEN s.rating_count > 0 THEN s.rating_sum::float8 / s.rating_count END AS "RatingAverage"
        FROM courses c
        JOIN categories cat ON cat.id = c.category_id
        JOIN users u ON u.id = c.instructor_id
        LEFT JOIN course_stats s ON s.course_id = c.id
        WHERE c.id = @Id
        """;

    private const string CurriculumSql = """
        SELECT s.id AS "SectionId", s.title AS "SectionTitle", s.position AS "SectionPosition",
               l.id AS "LectureId", l.title AS "LectureTitle", l.position AS "LecturePosition",
               l.duration_seconds AS "DurationSeconds", l.is_free_preview AS "IsFreePreview"
        FROM sections s
        LEFT JOIN lectures l ON l.section_id = s.id
        WHERE s.course_id = @Id
        ORDER BY s.position, l.position
        """;

    private const string LikedSql = "SELECT EXISTS (SELECT 1 FROM course_likes WHERE course_id = @Id AND user_id = @UserId)";

    public async ValueTask<CourseDetailDto> Handle(GetCourseQuery query, CancellationToken cancellationToken)
    {
        var page = await cache.GetOrCreateAsync(CourseCache.Page(query.Id), CourseCache.PageTtl, ct => LoadAsync(db.CacheFill, query.Id, ct), cancellationToken);
        if (page is null || (page.Status != CourseStatus.Published && !CanSeeUnpublished(page.Instructor.Id)))
        {
            throw CourseAccess.NotFound(query.Id);
        }

        return currentUser.UserId is { } userId
            ? page with { LikedByMe = await db.QuerySingleOrDefaultAsync<bool>(LikedSql, new { query.Id, UserId = userId }, cancellationToken) }
            : page;
    }

    private static async Task<CourseDetailDto?> LoadAsync(IReadDb db, Guid id, CancellationToken cancellationToken)
    {
        var row = await db.QuerySingleOrDefaultAsync<CourseRow>(CourseSql, new { Id = id }, cancellationToken);
        if (row is null)
        {
            return null;
        }

        var curriculum = (await db.QueryAsync<CurriculumRow>(CurriculumSql, new { Id = id }, cancellationToken))
            .GroupBy(r => (r.SectionId, r.SectionTitle, r.SectionPosition))
            .Select(g => new CurriculumSectionDto(g.Key.SectionId, g.Key.SectionTitle, g.Key.SectionPosition, g
                .Where(r => r.LectureId is not null)
                .Select(r => new CurriculumLectureDto(r.LectureId!.Value, r.LectureTitle!, r.LecturePosition!.Value, r.DurationSeconds!.Value, r.IsFreePreview!.Value))
                .ToList()))
            .ToList();
        var lectures = curriculum.SelectMany(s => s.Lectures).ToList();

        return new CourseDetailDto(
            row.Id, row.Title, row.Summary, row.Description, row.Level, row.Language, row.PriceKrw, row.Tags, ThumbnailDto.From(row.ThumbnailKey),
            row.Status, row.PublishedAt, row.UpdatedAt,
            new CourseCategoryDto(row.CategoryId, row.CategorySlug, row.CategoryLabelKo, row.CategoryLabelEn),
            new CourseInstructorDto(row.InstructorId, row.InstructorName),
            new CourseStatsDto(row.LikeCount, row.EnrollmentCount, row.RatingCount, row.RatingAverage),
            LikedByMe: false, lectures.Count, lectures.Sum(l => l.DurationSeconds), curriculum);
    }

    private bool CanSeeUnpublished(Guid instructorId) => currentUser.Role == Role.Admin || currentUser.UserId == instructorId;

    private sealed record CourseRow(
        Guid Id, string Title, string Summary, string Description, CourseLevel Level, string Language, long PriceKrw, string[] Tags,
        string? ThumbnailKey, CourseStatus Status, DateTimeOffset? PublishedAt, DateTimeOffset UpdatedAt,
        Guid CategoryId, string CategorySlug, string CategoryLabelKo, string CategoryLabelEn, Guid InstructorId, string InstructorName,
        int LikeCount, int EnrollmentCount, int RatingCount, double? RatingAverage);

    private sealed record CurriculumRow(
        Guid SectionId, string SectionTitle, int SectionPosition, Guid? LectureId, string? LectureTitle, int? LecturePosition,
        int? DurationSeconds, bool? IsFreePreview);
}
