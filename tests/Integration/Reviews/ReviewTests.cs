using System.Net;
using LectureHub.IntegrationTests.Courses;
using LectureHub.IntegrationTests.Learning;
using LectureHub.IntegrationTests.Payments;
using LectureHub.IntegrationTests.Support;

namespace LectureHub.IntegrationTests.Reviews;

public sealed record Reviewer(Guid Id, string DisplayName);

public sealed record Review(
    Guid Id, Guid CourseId, Reviewer Reviewer, int Rating, string Body, double ProgressPercent, string? Reply, int HelpfulCount, bool MarkedHelpfulByMe,
    bool Refunded);

public sealed record RatingSummary(int Count, double? Average, Dictionary<int, int> Stars);

public sealed record ReviewPage(List<Review> Items, string? NextCursor, RatingSummary? Summary);

public sealed record HelpfulState(Guid ReviewId, bool MarkedByMe, int HelpfulCount);

/// <summary>Reviews need paid enrolments (a refund takes a rating out), so these run with the payment gateway simulator.</summary>
[Collection(ApiCollection.Name)]
public sealed class ReviewTests(PaymentApiFactory factory) : PaymentTest(factory)
{
    [Fact]
    public async Task Only_enrolled_students_review_once_and_the_rating_follows_reviews_edits_and_a_refund()
    {
        var (first, order) = await Client.PaidTwoCourseOrderAsync(Factory);
        var tig = order.Lines[0].CourseId;
        var second = await BuyAsync("second@lecturehub.test", tig);
        var stranger = await Client.SignUpAsync("stranger@lecturehub.test");

        await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/courses/{tig}/reviews", stranger, new { rating = 5, body = "안 들었지만 좋아요" }))
            .ProblemAsync(HttpStatusCode.Forbidden, "ENROLLMENT_REQUIRED");
        var mine = await ReviewAsync(first, tig, 5, "실기 합격했습니다");
        await ReviewAsync(second, tig, 3, "보통");
        await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/courses/{tig}/reviews", first, new { rating = 4, body = "또" }))
            .ProblemAsync(HttpStatusCode.Conflict, "REVIEW_EXISTS");
        await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/courses/{tig}/reviews", first, new { rating = 6, body = "최고" }))
            .ProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.Equal((2, 4.0), await CoursePageRatingAsync(tig));

        await (await Client.SendAsync(HttpMethod.Put, $"/api/v1/reviews/{mine.Id}", second, new { rating = 1, body = "남의 리뷰" }))
            .ProblemAsync(HttpStatusCode.Forbidden, "NOT_AUTHOR");
        var edited = await (await Client.SendAsync(HttpMethod.Put, $"/api/v1/reviews/{mine.Id}", first, new { rating = 4, body = "다시 보니 4점" })).ReadAsync<Review>();
        Assert.Equal((4, "다시 보니 4점"), (edited.Rating, edited.Body));
        Assert.Equal((2, 3.5), await CoursePageRatingAsync(tig));

        // The first student refunds the course: their rating leaves the average and the review says so.
        var enrollment = await Api.ScalarAsync<Guid>(ApiFactory.PrimaryConnectionString,
            "SELECT id FROM enrollments WHERE course_id = @c AND student_id = @s", ("c", tig), ("s", mine.Reviewer.Id));
        await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/enrollments/{enrollment}/refund", first)).ReadAsync<object>();
        await (await Client.SendAsync(HttpMethod.Put, $"/api/v1/reviews/{mine.Id}", first, new { rating = 1, body = "환불함" })).ReadAsync<Review>();
        await Api.SettledAsync();
        var page = await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/courses/{tig}/reviews")).ReadAsync<ReviewPage>();

        Assert.Equal((1, 3.0), (page.Summary!.Count, page.Summary.Average));
        Assert.Equal(1, page.Summary.Stars[3]);
        Assert.Equal([(false, 3), (true, 1)], page.Items.Select(r => (r.Refunded, r.Rating)));
        Assert.Equal("1/3", await StatsAsync(tig));
    }

    [Fact]
    public async Task Reviews_show_verified_progress_filter_to_those_who_watched_half_and_sort_by_helpful_votes()
    {
        var (first, order) = await Client.PaidTwoCourseOrderAsync(Factory);
        var tig = order.Lines[0].CourseId;
        var second = await BuyAsync("second@lecturehub.test", tig);
        var voters = await Task.WhenAll(Enumerable.Range(0, 2).Select(i => Client.SignUpAsync($"v{i}@lecturehub.test")));
        // 3 lectures of 600 s: the first student watched two of them (66.7 %) before reviewing.
        await Factory.WatchAsync(await UserIdAsync("student@lecturehub.test"), tig, (0, 600_000), (1, 600_000));

        var watched = await ReviewAsync(first, tig, 4, "끝까지 들었어요");
        var early = await ReviewAsync(second, tig, 1, "첫 강만 보고 씁니다");
        Assert.Equal((66.7, 0.0), (watched.ProgressPercent, early.ProgressPercent));

        foreach (var voter in voters)
        {
            await (await Client.SendAsync(HttpMethod.Put, $"/api/v1/reviews/{early.Id}/helpful", voter)).ReadAsync<HelpfulState>();
        }

        var again = await (await Client.SendAsync(HttpMethod.Put, $"/api/v1/reviews/{early.Id}/helpful", voters[0])).ReadAsync<HelpfulState>();
        Assert.Equal(2, again.HelpfulCount);
        await (await Client.SendAsync(HttpMethod.Put, $"/api/v1/reviews/{watched.Id}/helpful", first)).ProblemAsync(HttpStatusCode.Conflict, "OWN_REVIEW");

        await Api.SettledAsync();
        var half = await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/courses/{tig}/reviews?watchedHalf=true")).ReadAsync<ReviewPage>();
        var helpful = await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/courses/{tig}/reviews?sort=Helpful", voters[0])).ReadAsync<ReviewPage>();
        var lowest = await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/courses/{tig}/reviews?sort=LowestRating&limit=1")).ReadAsync<ReviewPage>();
        var next = await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/courses/{tig}/reviews?sort=LowestRating&limit=1&cursor={lowest.NextCursor}")).ReadAsync<ReviewPage>();

        Assert.Equal(watched.Id, Assert.Single(half.Items).Id);
        Assert.Equal([(early.Id, 2, true), (watched.Id, 0, false)], helpful.Items.Select(r => (r.Id, r.HelpfulCount, r.MarkedHelpfulByMe)));
        Assert.Equal([early.Id, watched.Id], lowest.Items.Concat(next.Items).Select(r => r.Id));
        await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/courses/{tig}/reviews?sort=Helpful&cursor={lowest.NextCursor}")).ProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
    }

    [Fact]
    public async Task The_instructor_replies_once_and_no_one_else_can()
    {
        var (student, order) = await Client.PaidTwoCourseOrderAsync(Factory);
        var review = await ReviewAsync(student, order.Lines[0].CourseId, 5, "좋아요");
        var instructor = await Client.LoginAsync("instructor@lecturehub.test");
        var otherInstructor = await Client.SignUpAsync("other@lecturehub.test", "Instructor");

        await (await Client.SendAsync(HttpMethod.Put, $"/api/v1/reviews/{review.Id}/reply", otherInstructor, new { reply = "감사" }))
            .ProblemAsync(HttpStatusCode.Forbidden, "NOT_COURSE_INSTRUCTOR");
        var replied = await (await Client.SendAsync(HttpMethod.Put, $"/api/v1/reviews/{review.Id}/reply", instructor, new { reply = "수강해 주셔서 감사합니다" })).ReadAsync<Review>();
        await (await Client.SendAsync(HttpMethod.Put, $"/api/v1/reviews/{review.Id}/reply", instructor, new { reply = "한 번 더" }))
            .ProblemAsync(HttpStatusCode.Conflict, "REVIEW_ALREADY_REPLIED");

        Assert.Equal("수강해 주셔서 감사합니다", replied.Reply);
    }

    [Fact]
    public async Task Racing_reviews_make_one_and_a_thousand_helpful_toggles_leave_the_counter_equal_to_the_votes()
    {
        var (student, order) = await Client.PaidTwoCourseOrderAsync(Factory);
        var tig = order.Lines[0].CourseId;

        var racing = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            Client.SendAsync(HttpMethod.Post, $"/api/v1/courses/{tig}/reviews", student, new { rating = 1 + (i % 5), body = $"리뷰 {i}" })));
        Assert.Equal(1, racing.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(racing.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var stats = (await StatsAsync(tig))!.Split('/');
        var rating = await Api.ScalarAsync<int>(ApiFactory.PrimaryConnectionString, "SELECT rating FROM course_reviews WHERE course_id = @c", ("c", tig));
        Assert.Equal(["1", rating.ToString(System.Globalization.CultureInfo.InvariantCulture)], stats);

        var review = await Api.ScalarAsync<Guid>(ApiFactory.PrimaryConnectionString, "SELECT id FROM course_reviews WHERE course_id = @c", ("c", tig));
        var voters = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Client.SignUpAsync($"v{i}@lecturehub.test")));
        var random = new Random(5);
        var toggles = await Task.WhenAll(Enumerable.Range(0, 1000).Select(i =>
            Client.SendAsync(random.Next(2) == 0 ? HttpMethod.Put : HttpMethod.Delete, $"/api/v1/reviews/{review}/helpful", voters[i % voters.Length])));

        Assert.All(toggles, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var votes = await Api.ScalarAsync<long>(ApiFactory.PrimaryConnectionString, "SELECT count(*) FROM review_helpful_votes WHERE review_id = @r", ("r", review));
        var counter = await Api.ScalarAsync<int>(ApiFactory.PrimaryConnectionString, "SELECT helpful_count FROM course_reviews WHERE id = @r", ("r", review));
        Assert.Equal(votes, counter);
    }

    private async Task<Review> ReviewAsync(Tokens student, Guid courseId, int rating, string body) =>
        await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/courses/{courseId}/reviews", student, new { rating, body })).ReadAsync<Review>(HttpStatusCode.Created);

    /// <summary>A second student buys one course through the simulator.</summary>
    private async Task<Tokens> BuyAsync(string email, Guid courseId)
    {
        var student = await Client.SignUpAsync(email);
        var order = await (await Client.SendAsync(HttpMethod.Post, "/api/v1/orders", student, new { courseIds = new[] { courseId } })).ReadAsync<OrderView>(HttpStatusCode.Created);
        var key = await Factory.Pg.CheckoutAsync(order.Id, order.AmountKrw);
        await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/orders/{order.Id}/confirm", student, new { paymentKey = key, amount = order.AmountKrw })).ReadAsync<OrderView>();
        return student;
    }

    /// <summary>The course page's rating, once the review's purge has gone through the outbox.</summary>
    private async Task<(int Count, double? Average)> CoursePageRatingAsync(Guid courseId)
    {
        await Api.OutboxDrainedAsync();
        var page = await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/courses/{courseId}")).ReadAsync<CourseDetail>();
        return (page.Stats.RatingCount, page.Stats.RatingAverage);
    }

    private static async Task<string?> StatsAsync(Guid courseId) =>
        await Api.ScalarAsync<string>(ApiFactory.PrimaryConnectionString, "SELECT rating_count || '/' || rating_sum FROM course_stats WHERE course_id = @c", ("c", courseId));

    private static async Task<Guid> UserIdAsync(string email) =>
        await Api.ScalarAsync<Guid>(ApiFactory.PrimaryConnectionString, "SELECT id FROM users WHERE email = @e", ("e", email));
}
