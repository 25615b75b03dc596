using System.Net;
using LectureHub.IntegrationTests.Courses;
using LectureHub.IntegrationTests.Support;

namespace LectureHub.IntegrationTests.Learning;

/// <summary>A course's students for its instructor (issue #22): verified progress, last watched, completion; nobody else's course.</summary>
public sealed class CourseStudentsTests(ApiFactory factory) : ApiTest(factory)
{
    private sealed record Student(Guid StudentId, string DisplayName, string Status, double ProgressPercent, DateTimeOffset? LastWatchedAt, DateTimeOffset? CompletedAt);

    private sealed record StudentPage(List<Student> Items, string? NextCursor);

    [Fact]
    public async Task An_instructor_sees_each_students_verified_progress_and_last_watch_latest_enrolled_first()
    {
        var instructor = await Client.SignUpAsync("teacher@example.com", "Instructor");
        var course = await Client.FreeCourseAsync(instructor, await Factory.WeldingCategoryAsync(), 2); // two lectures of 10 minutes
        var keen = await Client.RegisterSignedInAsync("keen@example.com", displayName: "열공");
        var idle = await Client.RegisterSignedInAsync("idle@example.com", displayName: "잠수");
        foreach (var student in new[] { keen, idle })
        {
            Assert.Equal(HttpStatusCode.Created, (await Client.SendAsync(HttpMethod.Post, $"/api/v1/courses/{course.Id}/enrollment", student.Tokens)).StatusCode);
        }

        await Factory.WatchAsync(keen.User.Id, course.Id, (0, 600_000), (1, 150_000)); // the first lecture and a quarter of the second

        var page = await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/instructor/courses/{course.Id}/students", instructor)).ReadAsync<StudentPage>();
        Assert.Equal(["잠수", "열공"], page.Items.Select(s => s.DisplayName)); // latest enrolled first
        Assert.Equal((0.0, (DateTimeOffset?)null), (page.Items[0].ProgressPercent, page.Items[0].LastWatchedAt));
        Assert.Equal(("Active", 62.5), (page.Items[1].Status, page.Items[1].ProgressPercent));
        Assert.NotNull(page.Items[1].LastWatchedAt);
        Assert.Null(page.Items[1].CompletedAt);

        var one = await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/instructor/courses/{course.Id}/students?limit=1", instructor)).ReadAsync<StudentPage>();
        var two = await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/instructor/courses/{course.Id}/students?limit=1&cursor={Uri.EscapeDataString(one.NextCursor!)}", instructor))
            .ReadAsync<StudentPage>();
        Assert.Equal(page.Items.Select(s => s.StudentId), one.Items.Concat(two.Items).Select(s => s.StudentId));
        Assert.Null(two.NextCursor);

        var other = await Client.SignUpAsync("other@example.com", "Instructor");
        await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/instructor/courses/{course.Id}/students", other)).ProblemAsync(HttpStatusCode.NotFound, "COURSE_NOT_FOUND");
        await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/instructor/courses/{course.Id}/students", keen.Tokens)).ProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        var admin = await Client.SignUpAsync("admin@example.com", "Admin");
        Assert.Equal(2, (await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/instructor/courses/{course.Id}/students", admin)).ReadAsync<StudentPage>()).Items.Count);
    }
}
