using LectureHub.Domain.Courses;

namespace LectureHub.Application.Courses;

public sealed record CurriculumLectureDto(Guid Id, string Title, int Position, int DurationSeconds, bool IsFreePreview);

public sealed record CurriculumSectionDto(Guid Id, string Title, int Position, IReadOnlyList<CurriculumLectureDto> Lectures);

/// <summary>The instructor's editing view: every editable field and the curriculum with ids. Returned by authoring commands.</summary>
public sealed record CourseDraftDto(
    Guid Id, CourseStatus Status, Guid CategoryId, string Title, string Summary, string Description, CourseLevel Level,
    string Language, long PriceKrw, IReadOnlyList<string> Tags, ThumbnailDto? Thumbnail, DateTimeOffset UpdatedAt, DateTimeOffset? PublishedAt,
    IReadOnlyList<CurriculumSectionDto> Curriculum)
{
    public static CourseDraftDto From(Course c) => new(
        c.Id, c.Status, c.CategoryId, c.Title, c.Summary, c.Description, c.Level, c.Language, c.PriceKrw, c.Tags, ThumbnailDto.From(c.ThumbnailKey), c.UpdatedAt, c.PublishedAt,
        // In position order: EF loads included collections in no particular order.
        c.Sections.OrderBy(s => s.Position).Select(s => new CurriculumSectionDto(s.Id, s.Title, s.Position,
            s.Lectures.OrderBy(l => l.Position).Select(l => new CurriculumLectureDto(l.Id, l.Title, l.Position, l.DurationSeconds, l.IsFreePreview)).ToList())).ToList());
}

/// <summary>The public course page.</summary>
public sealed record CourseDetailDto(
    Guid Id, string Title, string Summary, string Description, CourseLevel Level, string Language, long PriceKrw,
    IReadOnlyList<string> Tags, ThumbnailDto? Thumbnail, CourseStatus Status, DateTimeOffset? PublishedAt, DateTimeOffset UpdatedAt,
    CourseCategoryDto Category, CourseInstructorDto Instructor, CourseStatsDto Stats, bool LikedByMe,
    int LectureCount, int TotalDurationSeconds, IReadOnlyList<CurriculumSectionDto> Curriculum);

public sealed record CourseCategoryDto(Guid Id, string Slug, string LabelKo, string LabelEn);

public sealed record CourseInstructorDto(Guid Id, string DisplayName);

public sealed record CourseStatsDto(int LikeCount, int EnrollmentCount, int RatingCount, double? RatingAverage);

public sealed record LikeStateDto(Guid CourseId, bool Liked, int LikeCount);
