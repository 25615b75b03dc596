using System.Net;
using LectureHub.IntegrationTests.Courses;
using LectureHub.IntegrationTests.Support;

namespace LectureHub.IntegrationTests.Payments;

public sealed record OrderLineView(Guid CourseId, string Title, long PriceKrw, long DiscountKrw, long PaidKrw);

public sealed record OrderView(Guid Id, string Status, long AmountKrw, string Name, List<OrderLineView> Lines, DateTimeOffset CreatedAt, DateTimeOffset? PaidAt, long RefundedKrw);

/// <summary>Placing orders over HTTP: the server prices them, and refuses what cannot be bought.</summary>
public sealed class OrderTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task An_order_is_priced_by_the_server_from_the_courses_and_starts_pending()
    {
        var instructor = await Client.SignUpAsync("instructor@lecturehub.test", "Instructor");
        var category = await Factory.WeldingCategoryAsync();
        var tig = await Client.PublishedCourseAsync(instructor, category, "TIG 용접 실기", price: 39_000);
        var pipe = await Client.PublishedCourseAsync(instructor, category, "배관 기초", price: 25_000);
        var student = await Client.SignUpAsync("student@lecturehub.test");

        // A client that sends its own amount is not listened to.
        using var response = await Client.SendAsync(HttpMethod.Post, "/api/v1/orders", student, new { courseIds = new[] { tig.Id, pipe.Id }, amountKrw = 1 });
        var order = await response.ReadAsync<OrderView>(HttpStatusCode.Created);

        Assert.Equal(("Pending", 64_000L, "TIG 용접 실기 외 1건"), (order.Status, order.AmountKrw, order.Name));
        Assert.Equal([(tig.Id, 39_000L), (pipe.Id, 25_000L)], order.Lines.Select(l => (l.CourseId, l.PriceKrw)));
        Assert.Equal($"/api/v1/orders/{order.Id}", response.Headers.Location!.OriginalString);
        var read = await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/orders/{order.Id}", student)).ReadAsync<OrderView>();
        Assert.Equal((order.Id, order.Status, order.AmountKrw, order.Name), (read.Id, read.Status, read.AmountKrw, read.Name));
        Assert.Equal(order.Lines, read.Lines);

        var stranger = await Client.SignUpAsync("stranger@lecturehub.test");
        await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/orders/{order.Id}", stranger)).ProblemAsync(HttpStatusCode.NotFound, "ORDER_NOT_FOUND");
    }

    [Fact]
    public async Task Free_unknown_duplicate_or_already_owned_courses_cannot_be_ordered()
    {
        var instructor = await Client.SignUpAsync("instructor@lecturehub.test", "Instructor");
        var category = await Factory.WeldingCategoryAsync();
        var paid = await Client.PublishedCourseAsync(instructor, category, price: 39_000);
        var free = await Client.PublishedCourseAsync(instructor, category, "무료 안전 교육", price: 0);
        var draft = await Client.CreateCourseAsync(instructor, category, "준비 중", price: 10_000);
        var student = await Client.SignUpAsync("student@lecturehub.test");

        await (await Client.SendAsync(HttpMethod.Post, "/api/v1/orders", student, new { courseIds = new[] { free.Id } }))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity, "COURSE_NOT_FOR_SALE");
        await (await Client.SendAsync(HttpMethod.Post, "/api/v1/orders", student, new { courseIds = new[] { draft.Id } }))
            .ProblemAsync(HttpStatusCode.NotFound, "COURSE_NOT_FOUND");
        var invalid = await (await Client.SendAsync(HttpMethod.Post, "/api/v1/orders", student, new { courseIds = new[] { paid.Id, paid.Id } }))
            .ProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.Equal(["courseIds"], invalid.Errors!.Keys);
        await (await Client.SendAsync(HttpMethod.Post, "/api/v1/orders", student, new { courseIds = Array.Empty<Guid>() }))
            .ProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        await (await Client.SendAsync(HttpMethod.Post, "/api/v1/orders", null, new { courseIds = new[] { paid.Id } }))
            .ProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");

        // Already enrolled (here through the free course): ordering it again is refused.
        await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/courses/{free.Id}/enrollment", student)).ReadAsync<object>(HttpStatusCode.Created);
        await Api.ScalarAsync<object>(ApiFactory.PrimaryConnectionString, "UPDATE courses SET price_krw = 5000 WHERE id = @id", ("id", free.Id));
        await (await Client.SendAsync(HttpMethod.Post, "/api/v1/orders", student, new { courseIds = new[] { paid.Id, free.Id } }))
            .ProblemAsync(HttpStatusCode.Conflict, "ALREADY_ENROLLED");
        Assert.Equal(0L, await Api.ScalarAsync<long>(ApiFactory.PrimaryConnectionString, "SELECT count(*) FROM orders"));
    }
}
