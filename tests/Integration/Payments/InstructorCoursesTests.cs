using System.Net;
using LectureHub.IntegrationTests.Courses;
using LectureHub.IntegrationTests.Support;

namespace LectureHub.IntegrationTests.Payments;

/// <summary>The instructor console's course list (issue #22): every state, their own courses only, with enrolments, questions and sales from the ledger.</summary>
[Collection(ApiCollection.Name)]
public sealed class InstructorCoursesTests(PaymentApiFactory factory) : PaymentTest(factory)
{
    private sealed record ConsoleCourse(
        Guid Id, string Title, string Status, int ActiveEnrollments, int Completions, double? CompletionRate, int RatingCount, double? Rating,
        int UnansweredQuestions, long GrossKrw, long NetKrw);

    private sealed record ConsolePage(List<ConsoleCourse> Items, string? NextCursor);

    [Fact]
    public async Task An_instructor_sees_their_drafts_and_published_courses_with_enrolments_questions_and_sales()
    {
        var (student, order) = await Client.PaidTwoCourseOrderAsync(Factory);
        var instructor = await Client.LoginAsync("instructor@lecturehub.test");
        var draft = await Client.CreateCourseAsync(instructor, await Factory.WeldingCategoryAsync(), "아직 쓰는 중", price: 10_000);
        var tig = order.Lines[0].CourseId;
        Assert.Equal(HttpStatusCode.Created, (await Client.SendAsync(HttpMethod.Post, $"/api/v1/courses/{tig}/questions", student,
            new { title = "토치 각도", body = "몇 도가 맞나요?" })).StatusCode);

        var page = await (await Client.SendAsync(HttpMethod.Get, "/api/v1/instructor/courses", instructor)).ReadAsync<ConsolePage>();

        Assert.Equal([draft.Id, order.Lines[1].CourseId, tig], page.Items.Select(c => c.Id)); // newest first
        var first = page.Items[0];
        Assert.Equal(("Draft", 0, 0L, (double?)null), (first.Status, first.ActiveEnrollments, first.GrossKrw, first.CompletionRate));
        var sold = page.Items[2];
        Assert.Equal(("Published", 1, 0, 0.0, 1, 39_000L), (sold.Status, sold.ActiveEnrollments, sold.Completions, sold.CompletionRate, sold.UnansweredQuestions, sold.GrossKrw));
        Assert.InRange(sold.NetKrw, 1, 39_000 - 1); // after the commission and the gateway's fee
        Assert.Equal(0, page.Items[1].UnansweredQuestions);

        var firstOfTwo = await (await Client.SendAsync(HttpMethod.Get, "/api/v1/instructor/courses?limit=2", instructor)).ReadAsync<ConsolePage>();
        var rest = await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/instructor/courses?limit=2&cursor={Uri.EscapeDataString(firstOfTwo.NextCursor!)}", instructor))
            .ReadAsync<ConsolePage>();
        Assert.Equal(page.Items.Select(c => c.Id), firstOfTwo.Items.Concat(rest.Items).Select(c => c.Id));

        var stranger = await Client.SignUpAsync("stranger@lecturehub.test", "Instructor");
        Assert.Empty((await (await Client.SendAsync(HttpMethod.Get, "/api/v1/instructor/courses", stranger)).ReadAsync<ConsolePage>()).Items);
        await (await Client.SendAsync(HttpMethod.Get, "/api/v1/instructor/courses", student)).ProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
    }
}
