using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using LectureHub.IntegrationTests.Courses;
using LectureHub.IntegrationTests.Support;

namespace LectureHub.IntegrationTests.Payments;

/// <summary>
/// The API pointed at the PG simulator, which runs on a real socket beside it. Its clock can be moved (settlement
/// tests date sales in a past month); at rest it is the system's.
/// </summary>
public sealed class PaymentApiFactory : ApiFactory
{
    public PaymentApiFactory()
    {
        Pg.InitializeAsync().GetAwaiter().GetResult();
    }

    public PgSimulatorFixture Pg { get; } = new();


    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Payments:Gateway:BaseUrl"] = Pg.BaseUrl,
        ["Payments:Gateway:AttemptTimeoutSeconds"] = "1",
        ["Payments:Gateway:MaxRetries"] = "2",
        ["Payments:WebhookSecrets:testpg"] = WebhookApiFactory.Secret,
    };

    public override async ValueTask DisposeAsync()
    {
        await Pg.DisposeAsync();
        await base.DisposeAsync();
    }
}

/// <summary>Confirming orders end to end: amount checks, the gateway's DONE, enrolment in the same transaction.</summary>
[Collection(ApiCollection.Name)]
public sealed class ConfirmTests(PaymentApiFactory factory) : PaymentTest(factory)
{
    [Fact]
    public async Task A_confirmed_order_is_paid_and_the_student_enrolled_in_every_course()
    {
        var (student, order) = await Client.TwoCourseOrderAsync(Factory);
        var key = await Factory.Pg.CheckoutAsync(order.Id, order.AmountKrw);

        var paid = await (await ConfirmAsync(student, order.Id, key, order.AmountKrw)).ReadAsync<OrderView>();

        Assert.Equal("Paid", paid.Status);
        Assert.NotNull(paid.PaidAt);
        Assert.Equal((2L, 0L), await EnrollmentsAsync(order));
        // Confirming again (the answer was lost) returns the paid order and changes nothing.
        Assert.Equal("Paid", (await (await ConfirmAsync(student, order.Id, key, order.AmountKrw)).ReadAsync<OrderView>()).Status);
        Assert.Equal((2L, 0L), await EnrollmentsAsync(order));
    }

    [Fact]
    public async Task Concurrent_confirms_of_one_order_charge_once_and_enrol_once()
    {
        var (student, order) = await Client.TwoCourseOrderAsync(Factory);
        var key = await Factory.Pg.CheckoutAsync(order.Id, order.AmountKrw);

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            using var response = await ConfirmAsync(student, order.Id, key, order.AmountKrw);
            return (response.StatusCode, (await response.ReadAsync<OrderView>()).Status);
        }));

        Assert.All(answers, a => Assert.Equal((HttpStatusCode.OK, "Paid"), a));
        Assert.Equal((2L, 0L), await EnrollmentsAsync(order));
        Assert.Equal(1L, await Api.ScalarAsync<long>(ApiFactory.PrimaryConnectionString, "SELECT count(*) FROM orders WHERE status = 'Paid'"));
    }

    [Fact]
    public async Task A_wrong_amount_is_refused_before_the_gateway_and_a_silent_gateway_leaves_the_order_pending()
    {
        var (student, order) = await Client.TwoCourseOrderAsync(Factory);
        var key = await Factory.Pg.CheckoutAsync(order.Id, order.AmountKrw);

        await (await ConfirmAsync(student, order.Id, key, 1_000)).ProblemAsync(HttpStatusCode.UnprocessableEntity, "PAYMENT_AMOUNT_MISMATCH");
        var stranger = await Client.SignUpAsync("stranger@lecturehub.test");
        await (await ConfirmAsync(stranger, order.Id, key, order.AmountKrw)).ProblemAsync(HttpStatusCode.NotFound, "ORDER_NOT_FOUND");

        await Factory.Pg.FaultsAsync(failNextConfirms: 10);
        await (await ConfirmAsync(student, order.Id, key, order.AmountKrw)).ProblemAsync(HttpStatusCode.ServiceUnavailable, "PAYMENT_GATEWAY_UNAVAILABLE");
        Assert.Equal("Pending", (await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/orders/{order.Id}", student)).ReadAsync<OrderView>()).Status);
        Assert.Equal((0L, 0L), await EnrollmentsAsync(order));

        // The gateway is back: the same confirm goes through (same idempotency key), once.
        await Factory.Pg.FaultsAsync();
        Assert.Equal("Paid", (await (await ConfirmAsync(student, order.Id, key, order.AmountKrw)).ReadAsync<OrderView>()).Status);
        Assert.Equal((2L, 0L), await EnrollmentsAsync(order));
    }

    private Task<HttpResponseMessage> ConfirmAsync(Tokens student, Guid order, string paymentKey, long amount) =>
        Client.SendAsync(HttpMethod.Post, $"/api/v1/orders/{order}/confirm", student, new { paymentKey, amount });

    /// <summary>Active purchase enrolments for the order's courses, and any other enrolments of its courses.</summary>
    private static async Task<(long Purchased, long Other)> EnrollmentsAsync(OrderView order)
    {
        var ids = order.Lines.Select(l => l.CourseId).ToArray();
        var purchased = await Api.ScalarAsync<long>(ApiFactory.PrimaryConnectionString,
            "SELECT count(*) FROM enrollments WHERE course_id = ANY(@ids) AND status = 'Active' AND source = 'Purchase'", ("ids", ids));
        var all = await Api.ScalarAsync<long>(ApiFactory.PrimaryConnectionString, "SELECT count(*) FROM enrollments WHERE course_id = ANY(@ids)", ("ids", ids));
        return (purchased, all - purchased);
    }
}
