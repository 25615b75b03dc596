using System.Net;
using LectureHub.IntegrationTests.Cohorts;
using LectureHub.IntegrationTests.Courses;
using LectureHub.IntegrationTests.Support;

namespace LectureHub.IntegrationTests.Enrollments;

public sealed record Enrollment(Guid Id, Guid CourseId, string Status, string Source);

public sealed class EnrollmentTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task A_student_enrols_in_a_free_course_once_and_enrolling_again_returns_the_same_enrolment()
    {
        var instructor = await Client.SignUpAsync("instructor@example.com", "Instructor");
        var course = await Client.PublishedCourseAsync(instructor, await Factory.WeldingCategoryAsync(), "무료 용접 입문", price: 0);
        var student = await Client.SignUpAsync("student@example.com");

        var first = await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/courses/{course.Id}/enrollment", student)).ReadAsync<Enrollment>(HttpStatusCode.Created);
        var again = await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/courses/{course.Id}/enrollment", student)).ReadAsync<Enrollment>();

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(("Active", "Free"), (first.Status, first.Source));
        var mine = await (await Client.SendAsync(HttpMethod.Get, "/api/v1/me/enrollments", student)).ReadAsync<MyEnrollments>();
        Assert.Equal((course.Id, "무료 용접 입문", "Active"), (Assert.Single(mine.Courses).CourseId, mine.Courses[0].Title, mine.Courses[0].Status));
        Assert.Equal(1, await Api.ScalarAsync<int>(ApiFactory.PrimaryConnectionString, "SELECT enrollment_count FROM course_stats WHERE course_id = @id", ("id", course.Id)));
    }

    [Fact]
    public async Task Concurrent_enrolments_of_many_students_and_repeated_ones_leave_the_counter_equal_to_the_rows()
    {
        var instructor = await Client.SignUpAsync("instructor@example.com", "Instructor");
        var course = await Client.PublishedCourseAsync(instructor, await Factory.WeldingCategoryAsync(), price: 0);
        var students = await Factory.StudentsAsync(50);

        var responses = await Task.WhenAll(students.Concat(students.Take(10)).Select(s => Client.SendAsync(HttpMethod.Post, $"/api/v1/courses/{course.Id}/enrollment", s)));

        // A repeat that races its twin may meet the unique index instead of the existing row: 409 ALREADY_ENROLLED.
        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.Conflict }));
        Assert.Equal(50, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(50, await Api.ScalarAsync<long>(ApiFactory.PrimaryConnectionString, "SELECT count(*) FROM enrollments WHERE course_id = @id", ("id", course.Id)));
        Assert.Equal(50, await Api.ScalarAsync<int>(ApiFactory.PrimaryConnectionString, "SELECT enrollment_count FROM course_stats WHERE course_id = @id", ("id", course.Id)));
    }

    [Fact]
    public async Task Paid_and_unpublished_courses_cannot_be_enrolled_directly()
    {
        var instructor = await Client.SignUpAsync("instructor@example.com", "Instructor");
        var category = await Factory.WeldingCategoryAsync();
        var paid = await Client.PublishedCourseAsync(instructor, category, price: 39_000);
        var draft = await Client.CreateCourseAsync(instructor, category, price: 0);
        var student = await Client.SignUpAsync("student@example.com");

        await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/courses/{paid.Id}/enrollment", student)).ProblemAsync(HttpStatusCode.Conflict, "PAYMENT_REQUIRED");
        await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/courses/{draft.Id}/enrollment", student)).ProblemAsync(HttpStatusCode.NotFound, "COURSE_NOT_FOUND");
        await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/courses/{paid.Id}/enrollment")).ProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
        Assert.Empty((await (await Client.SendAsync(HttpMethod.Get, "/api/v1/me/enrollments", student)).ReadAsync<MyEnrollments>()).Courses);
    }
}
