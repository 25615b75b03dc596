using System.Net;
using LectureHub.IntegrationTests.Support;

namespace LectureHub.IntegrationTests.Courses;

public sealed class CourseAuthoringTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task An_instructor_drafts_builds_and_publishes_a_course_that_anyone_can_then_read()
    {
        var category = await Factory.WeldingCategoryAsync();
        var instructor = await Client.SignUpAsync("kim@example.com", "Instructor");

        var draft = await Client.CreateCourseAsync(instructor, category);
        Assert.Equal(("Draft", 39_000L), (draft.Status, draft.PriceKrw));
        await (await Client.GetAsync($"/api/v1/courses/{draft.Id}")).ProblemAsync(HttpStatusCode.NotFound, "COURSE_NOT_FOUND");

        var built = await (await Client.SendAsync(HttpMethod.Put, $"/api/v1/courses/{draft.Id}/curriculum", instructor, CourseApi.Curriculum(2, 1))).ReadAsync<CourseDraft>();
        Assert.Equal([1, 2], built.Curriculum.Select(s => s.Position));
        Assert.Equal([1, 2], built.Curriculum[0].Lectures.Select(l => l.Position));

        var published = await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/courses/{draft.Id}/publish", instructor)).ReadAsync<CourseDraft>();
        Assert.Equal("Published", published.Status);

        // Anyone else reads the cached page, purged through the outbox: current once the events are delivered.
        await Api.SettledAsync();
        var page = await (await Client.GetAsync($"/api/v1/courses/{draft.Id}")).ReadAsync<CourseDetail>();
        Assert.Equal(("특수용접기능사 실기 완성", 3, 1800), (page.Title, page.LectureCount, page.TotalDurationSeconds));
        Assert.Equal(("welding", "테스트 사용자"), (page.Category.Slug, page.Instructor.DisplayName));
        Assert.Equal(["1-1 강", "1-2 강"], page.Curriculum[0].Lectures.Select(l => l.Title));
        Assert.Equal(new Stats(0, 0, 0, null), page.Stats);
    }

    [Fact]
    public async Task The_owner_sees_their_draft_and_reads_their_own_edit_immediately()
    {
        var category = await Factory.WeldingCategoryAsync();
        var instructor = await Client.SignUpAsync("kim@example.com", "Instructor");
        var draft = await Client.CreateCourseAsync(instructor, category);

        await Client.SendAsync(HttpMethod.Put, $"/api/v1/courses/{draft.Id}", instructor, CourseApi.Details(category, "바뀐 제목"));
        var mine = await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/courses/{draft.Id}", instructor)).ReadAsync<CourseDetail>();

        Assert.Equal(("바뀐 제목", "Draft"), (mine.Title, mine.Status));
    }

    [Fact]
    public async Task The_cached_page_is_purged_through_the_outbox_when_the_course_changes()
    {
        var category = await Factory.WeldingCategoryAsync();
        var instructor = await Client.SignUpAsync("kim@example.com", "Instructor");
        var course = await Client.PublishedCourseAsync(instructor, category);
        await Api.OutboxDrainedAsync();
        await Api.EventuallyAsync(async () => (await Client.GetAsync($"/api/v1/courses/{course.Id}")).IsSuccessStatusCode, "replica has the course");
        Assert.True(await Factory.CacheEntryExistsAsync($"course:{course.Id:N}:v1"));

        await Client.SendAsync(HttpMethod.Put, $"/api/v1/courses/{course.Id}", instructor, CourseApi.Details(category, "고친 제목"));

        await Api.EventuallyAsync(async () =>
            (await (await Client.GetAsync($"/api/v1/courses/{course.Id}")).ReadAsync<CourseDetail>()).Title == "고친 제목", "anonymous readers see the edit");
    }

    [Fact]
    public async Task Renaming_the_instructor_refreshes_their_cached_course_pages()
    {
        var category = await Factory.WeldingCategoryAsync();
        var instructor = await Client.SignUpAsync("kim@example.com", "Instructor");
        var course = await Client.PublishedCourseAsync(instructor, category);
        await Api.OutboxDrainedAsync();
        await Api.EventuallyAsync(async () => (await Client.GetAsync($"/api/v1/courses/{course.Id}")).IsSuccessStatusCode, "replica has the course");

        await Client.SendAsync(HttpMethod.Patch, "/api/v1/me", instructor, new { displayName = "김명장" });

        await Api.EventuallyAsync(async () =>
            (await (await Client.GetAsync($"/api/v1/courses/{course.Id}")).ReadAsync<CourseDetail>()).Instructor.DisplayName == "김명장", "page shows the new name");
    }

    [Fact]
    public async Task Publishing_without_lectures_is_a_409_with_the_rule_named()
    {
        var category = await Factory.WeldingCategoryAsync();
        var instructor = await Client.SignUpAsync("kim@example.com", "Instructor");
        var draft = await Client.CreateCourseAsync(instructor, category);

        var response = await Client.SendAsync(HttpMethod.Post, $"/api/v1/courses/{draft.Id}/publish", instructor);

        await response.ProblemAsync(HttpStatusCode.Conflict, "COURSE_NEEDS_A_LECTURE");
    }

    [Fact]
    public async Task A_student_cannot_create_a_course()
    {
        var category = await Factory.WeldingCategoryAsync();
        var student = await Client.SignUpAsync("lee@example.com");

        var response = await Client.SendAsync(HttpMethod.Post, "/api/v1/courses", student, CourseApi.Details(category));

        await response.ProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
    }

    [Fact]
    public async Task An_instructor_cannot_edit_another_instructors_course_but_an_admin_can()
    {
        var category = await Factory.WeldingCategoryAsync();
        var owner = await Client.SignUpAsync("kim@example.com", "Instructor");
        var other = await Client.SignUpAsync("park@example.com", "Instructor");
        var admin = await Client.SignUpAsync("admin@example.com", "Admin");
        var draft = await Client.CreateCourseAsync(owner, category);

        var byOther = await Client.SendAsync(HttpMethod.Put, $"/api/v1/courses/{draft.Id}", other, CourseApi.Details(category, "탈취"));
        var byAdmin = await Client.SendAsync(HttpMethod.Put, $"/api/v1/courses/{draft.Id}", admin, CourseApi.Details(category, "관리자 수정"));

        await byOther.ProblemAsync(HttpStatusCode.Forbidden, "NOT_COURSE_OWNER");
        Assert.Equal("관리자 수정", (await byAdmin.ReadAsync<CourseDraft>()).Title);
    }

    [Fact]
    public async Task Bad_fields_are_400_and_an_unknown_category_is_422()
    {
        var category = await Factory.WeldingCategoryAsync();
        var instructor = await Client.SignUpAsync("kim@example.com", "Instructor");

        var invalid = await Client.SendAsync(HttpMethod.Post, "/api/v1/courses", instructor, new
        {
            categoryId = category, title = "", summary = "s", level = "Beginner", language = "korean", priceKrw = -5, tags = Enumerable.Repeat("t", 11),
        });
        var problem = await invalid.ProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.Equal(["language", "priceKrw", "tags", "title"], problem.Errors!.Keys.Order());

        var unknown = await Client.SendAsync(HttpMethod.Post, "/api/v1/courses", instructor, CourseApi.Details(Guid.NewGuid()));
        await unknown.ProblemAsync(HttpStatusCode.UnprocessableEntity, "CATEGORY_NOT_FOUND");
    }

    [Fact]
    public async Task A_curriculum_naming_a_lecture_of_another_course_is_422()
    {
        var category = await Factory.WeldingCategoryAsync();
        var instructor = await Client.SignUpAsync("kim@example.com", "Instructor");
        var mine = await Client.PublishedCourseAsync(instructor, category);
        var other = await Client.CreateCourseAsync(instructor, category, "다른 강의");

        var response = await Client.SendAsync(HttpMethod.Put, $"/api/v1/courses/{other.Id}/curriculum", instructor, new
        {
            sections = new[] { new { title = "훔친 섹션", lectures = new[] { new { id = mine.Curriculum[0].Lectures[0].Id, title = "x", durationSeconds = 1, isFreePreview = false } } } },
        });

        await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, "CURRICULUM_UNKNOWN_ID");
    }

    [Fact]
    public async Task Concurrent_edits_of_one_course_never_fail_with_a_500_and_lost_updates_are_409s()
    {
        var category = await Factory.WeldingCategoryAsync();
        var instructor = await Client.SignUpAsync("kim@example.com", "Instructor");
        var draft = await Client.CreateCourseAsync(instructor, category);

        var edits = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Client.SendAsync(HttpMethod.Put, $"/api/v1/courses/{draft.Id}", instructor, CourseApi.Details(category, $"제목 {i}"))));

        Assert.All(edits, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        Assert.Contains(edits, r => r.StatusCode == HttpStatusCode.OK);
        foreach (var conflict in edits.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            await conflict.ProblemAsync(HttpStatusCode.Conflict, "CONCURRENCY_CONFLICT");
        }
    }
}
