using System.Globalization;
using System.Net;
using LectureHub.StandardWebhooks;
using LectureHub.IntegrationTests.Courses;
using LectureHub.IntegrationTests.Support;

namespace LectureHub.IntegrationTests.Payments;

/// <summary>Payment steps for tests, one per call.</summary>
public static class PaymentApi
{
    /// <summary>A student's pending order for two paid courses (39,000 + 25,000 KRW) of a new instructor.</summary>
    public static async Task<(Tokens Student, OrderView Order)> TwoCourseOrderAsync(this HttpClient client, ApiFactory factory)
    {
        var instructor = await client.SignUpAsync("instructor@lecturehub.test", "Instructor");
        var category = await factory.WeldingCategoryAsync();
        var tig = await client.PublishedCourseAsync(instructor, category, "TIG 용접 실기", price: 39_000);
        var pipe = await client.PublishedCourseAsync(instructor, category, "배관 기초", price: 25_000);
        var student = await client.SignUpAsync("student@lecturehub.test");
        var order = await (await client.SendAsync(HttpMethod.Post, "/api/v1/orders", student, new { courseIds = new[] { tig.Id, pipe.Id } }))
            .ReadAsync<OrderView>(HttpStatusCode.Created);
        return (student, order);
    }

    /// <summary>The two-course order, paid through the simulator and confirmed over the API.</summary>
    public static async Task<(Tokens Student, OrderView Order)> PaidTwoCourseOrderAsync(this HttpClient client, PaymentApiFactory factory)
    {
        var (student, order) = await client.TwoCourseOrderAsync(factory);
        var key = await factory.Pg.CheckoutAsync(order.Id, order.AmountKrw);
        var paid = await (await client.SendAsync(HttpMethod.Post, $"/api/v1/orders/{order.Id}/confirm", student, new { paymentKey = key, amount = order.AmountKrw }))
            .ReadAsync<OrderView>();
        Assert.Equal("Paid", paid.Status);
        return (student, paid);
    }

    /// <summary>Posts a webhook with the three Standard Webhooks headers; the signature as given.</summary>
    public static Task<HttpResponseMessage> PostWebhookAsync(this HttpClient client, string id, DateTimeOffset sentAt, string signature, byte[] body, string provider = "testpg")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/payments/webhooks/{provider}") { Content = new ByteArrayContent(body) };
        request.Headers.Add(StandardWebhook.IdHeader, id);
        request.Headers.Add(StandardWebhook.TimestampHeader, sentAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(StandardWebhook.SignatureHeader, signature);
        return client.SendAsync(request);
    }

    /// <summary>
    /// What every payment scenario must end with: the ledger balances (every transaction sums to zero), each settled
    /// order's sales in the ledger add up to what was paid and its refunds to what was refunded, no unpaid order has
    /// ledger entries, every course of a paid order has exactly one active enrolment for its student, and every paid
    /// cohort fee holds its seat unless it is refunded.
    /// </summary>
    public static async Task AssertMoneyInvariantsAsync()
    {
        Assert.Equal(0L, await CountAsync("SELECT count(*) FROM (SELECT 1 FROM ledger_entries GROUP BY transaction_id HAVING sum(amount_krw) <> 0) t"));
        Assert.Equal(0L, await CountAsync("SELECT coalesce(sum(amount_krw), 0)::bigint FROM ledger_entries"));
        Assert.Equal(0L, await CountAsync("""
            SELECT count(*) FROM orders o
            WHERE o.status IN ('Paid', 'PartiallyRefunded', 'Refunded') AND (
                o.amount_krw <> (SELECT coalesce(sum(l.amount_krw), 0) FROM ledger_entries l
                                 WHERE l.order_id = o.id AND l.kind = 'Sale' AND l.account IN ('GatewayReceivable', 'GatewayFees'))
                OR (SELECT coalesce(sum((r->>'amountKrw')::bigint), 0) FROM jsonb_array_elements(o.refunds) r WHERE r->>'status' = 'Completed')
                   <> (SELECT coalesce(-sum(l.amount_krw), 0) FROM ledger_entries l
                       WHERE l.order_id = o.id AND l.kind = 'Refund' AND l.account IN ('GatewayReceivable', 'GatewayFees')))
            """));
        Assert.Equal(0L, await CountAsync("""
            SELECT count(*) FROM ledger_entries l JOIN orders o ON o.id = l.order_id WHERE o.status NOT IN ('Paid', 'PartiallyRefunded', 'Refunded')
            """));
        Assert.Equal(0L, await CountAsync("""
            SELECT count(*) FROM orders o, jsonb_array_elements(o.lines) line
            WHERE o.status = 'Paid' AND line->>'courseId' IS NOT NULL AND 1 <> (SELECT count(*) FROM enrollments e
                WHERE e.student_id = o.student_id AND e.course_id = (line->>'courseId')::uuid AND e.status = 'Active')
            """));
        // A paid cohort fee holds its seat, or is being (or was) given back in full: never paid without a seat.
        Assert.Equal(0L, await CountAsync("""
            SELECT count(*) FROM orders o, jsonb_array_elements(o.lines) line
            WHERE o.status IN ('Paid', 'PartiallyRefunded') AND line->>'cohortId' IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(o.refunds) r WHERE r->>'cohortId' = line->>'cohortId')
              AND 1 <> (SELECT count(*) FROM cohort_applications a JOIN cohort_slots s ON s.cohort_id = a.cohort_id AND s.student_id = a.student_id AND s.kind = 'Seat'
                        WHERE a.order_id = o.id AND a.status = 'Approved' AND a.paid_at IS NOT NULL)
            """));
        // No cohort holds more seats than it has, and every held seat is an approved application's.
        Assert.Equal(0L, await CountAsync("""
            SELECT count(*) FROM cohort_slots s LEFT JOIN cohort_applications a ON a.cohort_id = s.cohort_id AND a.student_id = s.student_id
            WHERE s.kind = 'Seat' AND s.student_id IS NOT NULL AND a.status IS DISTINCT FROM 'Approved'
            """));
    }

    private static async Task<long> CountAsync(string sql) => await Api.ScalarAsync<long>(ApiFactory.PrimaryConnectionString, sql);
}
