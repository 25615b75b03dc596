using System.Net;
using LectureHub.IntegrationTests.Support;

namespace LectureHub.IntegrationTests.Courses;

public sealed class CourseLikeTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Liking_is_idempotent_and_shows_on_the_page_and_in_my_likes()
    {
        var category = await Factory.WeldingCategoryAsync();
        var course = await Client.PublishedCourseAsync(await Client.SignUpAsync("kim@example.com", "Instructor"), category);
        var student = await Client.SignUpAsync("lee@example.com");

        var first = await (await Client.SendAsync(HttpMethod.Put, $"/api/v1/courses/{course.Id}/like", student)).ReadAsync<LikeState>();
        var again = await (await Client.SendAsync(HttpMethod.Put, $"/api/v1/courses/{course.Id}/like", student)).ReadAsync<LikeState>();
        var page = await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/courses/{course.Id}", student)).ReadAsync<CourseDetail>();
        var myLikes = await (await Client.SendAsync(HttpMethod.Get, "/api/v1/me/likes", student)).ReadAsync<List<CourseDraft>>();

        Assert.Equal((true, 1, 1), (first.Liked, first.LikeCount, again.LikeCount));
        Assert.Equal((1, true), (page.Stats.LikeCount, page.LikedByMe));
        Assert.Equal(course.Id, Assert.Single(myLikes).Id);

        var unliked = await (await Client.SendAsync(HttpMethod.Delete, $"/api/v1/courses/{course.Id}/like", student)).ReadAsync<LikeState>();
        var unlikedAgain = await (await Client.SendAsync(HttpMethod.Delete, $"/api/v1/courses/{course.Id}/like", student)).ReadAsync<LikeState>();
        Assert.Equal((false, 0, 0), (unliked.Liked, unliked.LikeCount, unlikedAgain.LikeCount));
    }

    [Fact]
    public async Task A_draft_cannot_be_liked()
    {
        var category = await Factory.WeldingCategoryAsync();
        var draft = await Client.CreateCourseAsync(await Client.SignUpAsync("kim@example.com", "Instructor"), category);
        var student = await Client.SignUpAsync("lee@example.com");

        var response = await Client.SendAsync(HttpMethod.Put, $"/api/v1/courses/{draft.Id}/like", student);

        await response.ProblemAsync(HttpStatusCode.NotFound, "COURSE_NOT_FOUND");
    }

    [Fact]
    public async Task A_thousand_concurrent_toggles_leave_the_counter_equal_to_the_rows()
    {
        var category = await Factory.WeldingCategoryAsync();
        var course = await Client.PublishedCourseAsync(await Client.SignUpAsync("kim@example.com", "Instructor"), category);
        var students = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Client.SignUpAsync($"s{i}@example.com")));
        var random = new Random(42);
        var toggles = Enumerable.Range(0, 1000).Select(i => (Student: students[i % students.Length], Like: random.Next(2) == 0)).ToList();

        var responses = await Task.WhenAll(toggles.Select(t =>
            Client.SendAsync(t.Like ? HttpMethod.Put : HttpMethod.Delete, $"/api/v1/courses/{course.Id}/like", t.Student)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var rows = await Api.ScalarAsync<long>(ApiFactory.PrimaryConnectionString, "SELECT count(*) FROM course_likes WHERE course_id = @c", ("c", course.Id));
        var counter = await Api.ScalarAsync<int>(ApiFactory.PrimaryConnectionString, "SELECT coalesce((SELECT like_count FROM course_stats WHERE course_id = @c), 0)", ("c", course.Id));
        Assert.Equal(rows, counter);
        Assert.InRange(rows, 1, students.Length);
    }
}
