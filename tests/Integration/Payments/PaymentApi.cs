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

    /// <summary>Posts a webhook with the three Standard Webhooks headers; the signature as given.</summary>
    public static Task<HttpResponseMessage> PostWebhookAsync(this HttpClient client, string id, DateTimeOffset sentAt, string signature, byte[] body, string provider = "testpg")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/payments/webhooks/{provider}") { Content = new ByteArrayContent(body) };
        request.Headers.Add(StandardWebhook.IdHeader, id);
        request.Headers.Add(StandardWebhook.TimestampHeader, sentAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(StandardWebhook.SignatureHeader, signature);
        return client.SendAsync(request);
    }
}
