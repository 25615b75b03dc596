using System.Net;
using LectureHub.Infrastructure.Persistence;
using LectureHub.IntegrationTests.Support;

namespace LectureHub.IntegrationTests.Courses;

public sealed record Lecture(Guid Id, string Title, int Position, int DurationSeconds, bool IsFreePreview);

public sealed record Section(Guid Id, string Title, int Position, List<Lecture> Lectures);

public sealed record CourseDraft(Guid Id, string Status, Guid CategoryId, string Title, long PriceKrw, List<string> Tags, List<Section> Curriculum);

public sealed record Stats(int LikeCount, int EnrollmentCount, int RatingCount, double? RatingAverage);

public sealed record CourseDetail(
    Guid Id, string Title, string Status, long PriceKrw, List<string> Tags, Stats Stats, bool LikedByMe, int LectureCount, int TotalDurationSeconds,
    List<Section> Curriculum, CategoryRef Category, InstructorRef Instructor);

public sealed record CategoryRef(Guid Id, string Slug, string LabelKo);

public sealed record InstructorRef(Guid Id, string DisplayName);

public sealed record LikeState(Guid CourseId, bool Liked, int LikeCount);

/// <summary>Course-authoring steps for tests.</summary>
public static class CourseApi
{
    public static async Task<Guid> WeldingCategoryAsync(this ApiFactory factory)
    {
        await DatabaseSetup.SeedCategoriesAsync(factory.Services, CancellationToken.None);
        return (await Api.ScalarAsync<Guid>(ApiFactory.PrimaryConnectionString, "SELECT id FROM categories WHERE slug = 'welding'"))!;
    }

    public static object Details(Guid categoryId, string title = "특수용접기능사 실기 완성", long price = 39_000) => new
    {
        categoryId, title, summary = "TIG·피복아크 용접 실기 대비", description = "# 강의 소개", level = "Beginner", language = "ko", priceKrw = price,
        tags = new[] { "용접", "자격증" },
    };

    public static object Curriculum(params int[] lecturesPerSection) => new
    {
        sections = lecturesPerSection.Select((n, i) => new
        {
            title = $"{i + 1}장",
            lectures = Enumerable.Range(1, n).Select(j => new { title = $"{i + 1}-{j} 강", durationSeconds = 600, isFreePreview = j == 1 }),
        }),
    };

    public static async Task<CourseDraft> CreateCourseAsync(this HttpClient client, Tokens instructor, Guid categoryId, string title = "특수용접기능사 실기 완성", long price = 39_000) =>
        await (await client.SendAsync(HttpMethod.Post, "/api/v1/courses", instructor, Details(categoryId, title, price))).ReadAsync<CourseDraft>(HttpStatusCode.Created);

    /// <summary>A free, published course with the given lectures per section (the first of each is a free preview).</summary>
    public static async Task<CourseDraft> FreeCourseAsync(this HttpClient client, Tokens instructor, Guid categoryId, params int[] lecturesPerSection)
    {
        var draft = await client.CreateCourseAsync(instructor, categoryId, price: 0);
        await (await client.SendAsync(HttpMethod.Put, $"/api/v1/courses/{draft.Id}/curriculum", instructor, Curriculum(lecturesPerSection))).ReadAsync<CourseDraft>();
        return await (await client.SendAsync(HttpMethod.Post, $"/api/v1/courses/{draft.Id}/publish", instructor)).ReadAsync<CourseDraft>();
    }

    /// <summary>A published course with the given curriculum.</summary>
    public static async Task<CourseDraft> PublishedCourseAsync(this HttpClient client, Tokens instructor, Guid categoryId, string title = "특수용접기능사 실기 완성", long price = 39_000)
    {
        var draft = await client.CreateCourseAsync(instructor, categoryId, title, price);
        await (await client.SendAsync(HttpMethod.Put, $"/api/v1/courses/{draft.Id}/curriculum", instructor, Curriculum(2, 1))).ReadAsync<CourseDraft>();
        return await (await client.SendAsync(HttpMethod.Post, $"/api/v1/courses/{draft.Id}/publish", instructor)).ReadAsync<CourseDraft>();
    }
}
