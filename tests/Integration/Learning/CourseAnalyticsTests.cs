using System.Net;
using LectureHub.Application.Learning;
using LectureHub.Application.Learning.Commands;
using LectureHub.IntegrationTests.Courses;
using LectureHub.IntegrationTests.Support;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace LectureHub.IntegrationTests.Learning;

/// <summary>A course's progress distribution and drop-off by lecture, from the verified coverage (issue #22).</summary>
public sealed class CourseAnalyticsTests(ApiFactory factory) : ApiTest(factory)
{
    private sealed record Bucket(int FromPercent, int ToPercent, int Students);

    private sealed record Lecture(int Position, int Started, int Completed, List<int> Retention, int? SteepestDropAtPercent);

    private sealed record Analytics(int ActiveStudents, List<Bucket> ProgressDistribution, List<Lecture> Lectures);

    [Fact]
    public async Task Instructors_see_how_far_students_got_and_where_inside_each_lecture_they_stop()
    {
        var instructor = await Client.SignUpAsync("teacher@example.com", "Instructor");
        var course = await Client.FreeCourseAsync(instructor, await Factory.WeldingCategoryAsync(), 2); // two lectures of 10 minutes
        var keen = await Client.RegisterSignedInAsync("keen@example.com");
        var half = await Client.RegisterSignedInAsync("half@example.com");
        var idle = await Client.RegisterSignedInAsync("idle@example.com");
        foreach (var student in new[] { keen, half, idle })
        {
            Assert.Equal(HttpStatusCode.Created, (await Client.SendAsync(HttpMethod.Post, $"/api/v1/courses/{course.Id}/enrollment", student.Tokens)).StatusCode);
        }

        await Factory.WatchAsync(keen.User.Id, course.Id, (0, 600_000), (1, 150_000)); // 62.5 %
        await Factory.WatchAsync(half.User.Id, course.Id, (0, 300_000)); // 25 %
        await Api.SettledAsync();

        var analytics = await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/instructor/courses/{course.Id}/analytics", instructor)).ReadAsync<Analytics>();

        Assert.Equal(3, analytics.ActiveStudents);
        Assert.Equal(11, analytics.ProgressDistribution.Count);
        Assert.Equal([1, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0], analytics.ProgressDistribution.Select(b => b.Students));
        Assert.Equal((100, 100), (analytics.ProgressDistribution[10].FromPercent, analytics.ProgressDistribution[10].ToPercent));
        var (first, second) = (analytics.Lectures[0], analytics.Lectures[1]);
        Assert.Equal((2, 1), (first.Started, first.Completed));
        Assert.Equal(Enumerable.Repeat(2, 10).Concat(Enumerable.Repeat(1, 10)), first.Retention);
        Assert.Equal(50, first.SteepestDropAtPercent);
        Assert.Equal((1, 0, 25), (second.Started, second.Completed, second.SteepestDropAtPercent));
        Assert.Equal(Enumerable.Repeat(1, 5).Concat(Enumerable.Repeat(0, 15)), second.Retention);

        var other = await Client.SignUpAsync("other@example.com", "Instructor");
        await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/instructor/courses/{course.Id}/analytics", other)).ProblemAsync(HttpStatusCode.NotFound, "COURSE_NOT_FOUND");
        await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/instructor/courses/{course.Id}/analytics", keen.Tokens)).ProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
    }

    /// <summary>
    /// Viewers who skip: each twentieth counts those whose watched spans hold its middle (for 10 minutes, 15 s, 45 s, …,
    /// 585 s), a span's end excluded, whatever the spans' number and order.
    /// </summary>
    [Fact]
    public async Task Retention_counts_the_viewers_holding_each_twentieths_middle_across_skipped_parts()
    {
        var instructor = await Client.SignUpAsync("teacher@example.com", "Instructor");
        var course = await Client.FreeCourseAsync(instructor, await Factory.WeldingCategoryAsync(), 1); // one lecture of 10 minutes
        var lecture = await Api.ScalarAsync<Guid>(ApiFactory.PrimaryConnectionString,
            "SELECT l.id FROM lectures l JOIN sections s ON s.id = l.section_id WHERE s.course_id = @c", ("c", course.Id));
        var skipper = await Client.RegisterSignedInAsync("skipper@example.com");
        var edges = await Client.RegisterSignedInAsync("edges@example.com");
        var records = new List<WatchRecord>();
        foreach (var (student, spans) in new[] { (skipper, new[] { (450_000, 600_000), (100_000, 200_000) }), (edges, [(15_000, 45_000), (585_000, 585_001)]) })
        {
            Assert.Equal(HttpStatusCode.Created, (await Client.SendAsync(HttpMethod.Post, $"/api/v1/courses/{course.Id}/enrollment", student.Tokens)).StatusCode);
            records.AddRange(spans.Select(x => new WatchRecord(student.User.Id, lecture, x.Item1, x.Item2, x.Item2, Factory.Clock.GetUtcNow())));
        }

        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ISender>().Send(new MergeWatchedIntervalsCommand(records));
        }

        await Api.SettledAsync();
        var analytics = await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/instructor/courses/{course.Id}/analytics", instructor)).ReadAsync<Analytics>();

        int[] expected = [1, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2];
        Assert.Equal(expected, analytics.Lectures.Single().Retention);
        Assert.Equal(2, analytics.Lectures.Single().Started);
    }
}
