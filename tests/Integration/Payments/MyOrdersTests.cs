using System.Net;
using LectureHub.IntegrationTests.Courses;
using LectureHub.IntegrationTests.Support;

namespace LectureHub.IntegrationTests.Payments;

/// <summary>A student's order history (issue #22): their orders only, newest first in keyset pages, with discounts, payment and refunds.</summary>
[Collection(ApiCollection.Name)]
public sealed class MyOrdersTests(PaymentApiFactory factory) : PaymentTest(factory)
{
    private sealed record RefundEntry(Guid CourseId, long AmountKrw, string Status);

    private sealed record HistoryOrder(Guid Id, string Status, long AmountKrw, List<OrderLineView> Lines, DateTimeOffset? PaidAt, long RefundedKrw, List<RefundEntry> Refunds);

    private sealed record OrderPage(List<HistoryOrder> Items, string? NextCursor);

    [Fact]
    public async Task A_student_pages_through_their_own_orders_newest_first_with_payments_and_refunds()
    {
        var (student, paid) = await Client.PaidTwoCourseOrderAsync(Factory);
        var refundOf = await Api.ScalarAsync<Guid>(ApiFactory.PrimaryConnectionString, "SELECT id FROM enrollments WHERE course_id = @c", ("c", paid.Lines[0].CourseId));
        Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(HttpMethod.Post, $"/api/v1/enrollments/{refundOf}/refund", student, new { reason = "일정 변경" })).StatusCode);
        var instructor = await Client.LoginAsync("instructor@lecturehub.test");
        var third = await Client.PublishedCourseAsync(instructor, await Factory.WeldingCategoryAsync(), "전기 기초", price: 30_000);
        var pending = await (await Client.SendAsync(HttpMethod.Post, "/api/v1/orders", student, new { courseIds = new[] { third.Id } })).ReadAsync<OrderView>(HttpStatusCode.Created);
        var other = await Client.SignUpAsync("other@lecturehub.test");
        await (await Client.SendAsync(HttpMethod.Post, "/api/v1/orders", other, new { courseIds = new[] { third.Id } })).ReadAsync<OrderView>(HttpStatusCode.Created);

        var first = await (await Client.SendAsync(HttpMethod.Get, "/api/v1/me/orders?limit=1", student)).ReadAsync<OrderPage>();
        var newest = Assert.Single(first.Items);
        Assert.Equal((pending.Id, "Pending", 30_000L, (DateTimeOffset?)null), (newest.Id, newest.Status, newest.AmountKrw, newest.PaidAt));
        var second = await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/me/orders?limit=1&cursor={Uri.EscapeDataString(first.NextCursor!)}", student)).ReadAsync<OrderPage>();
        var older = Assert.Single(second.Items);
        Assert.Null(second.NextCursor);
        Assert.Equal((paid.Id, "PartiallyRefunded", 64_000L, 39_000L), (older.Id, older.Status, older.AmountKrw, older.RefundedKrw));
        Assert.NotNull(older.PaidAt);
        Assert.Equal([39_000L, 25_000L], older.Lines.Select(l => l.PaidKrw));
        Assert.Equal(new RefundEntry(paid.Lines[0].CourseId, 39_000, "Completed"), Assert.Single(older.Refunds));

        Assert.Equal([pending.Id, paid.Id], (await (await Client.SendAsync(HttpMethod.Get, "/api/v1/me/orders", student)).ReadAsync<OrderPage>()).Items.Select(o => o.Id));
        Assert.Single((await (await Client.SendAsync(HttpMethod.Get, "/api/v1/me/orders", other)).ReadAsync<OrderPage>()).Items);
        await (await Client.SendAsync(HttpMethod.Get, "/api/v1/me/orders?cursor=e30", student)).ProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        await (await Client.SendAsync(HttpMethod.Get, "/api/v1/me/orders?limit=101", student)).ProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.Equal(HttpStatusCode.Unauthorized, (await Client.GetAsync("/api/v1/me/orders")).StatusCode);
    }
}
