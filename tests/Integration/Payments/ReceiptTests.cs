using System.Diagnostics;
using System.Net;
using LectureHub.IntegrationTests.Support;

namespace LectureHub.IntegrationTests.Payments;

/// <summary>PDF receipts with the ledger's amounts, in Korean and English, read back with poppler's pdftotext; payment and refund emails.</summary>
[Collection(ApiCollection.Name)]
public sealed class ReceiptTests(PaymentApiFactory factory) : PaymentTest(factory)
{
    private async Task<string> ReceiptTextAsync(Guid orderId, Tokens student, string query = "")
    {
        using var response = await Client.SendAsync(HttpMethod.Get, $"/api/v1/me/orders/{orderId}/receipt{query}", student);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"lecturehub-receipt-{orderId:N}.pdf", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
        var file = Path.Combine(Path.GetTempPath(), $"receipt-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            using var pdftotext = Process.Start(new ProcessStartInfo("pdftotext", ["-layout", file, "-"]) { RedirectStandardOutput = true })!;
            var text = await pdftotext.StandardOutput.ReadToEndAsync();
            await pdftotext.WaitForExitAsync();
            Assert.Equal(0, pdftotext.ExitCode);
            return text;
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_paid_order_has_a_receipt_in_the_buyers_language_with_the_ledgers_amounts_and_its_refunds()
    {
        var (student, order) = await Client.PaidTwoCourseOrderAsync(Factory);

        var korean = await ReceiptTextAsync(order.Id, student);
        var english = await ReceiptTextAsync(order.Id, student, "?language=en");

        Assert.Contains("영수증", korean, StringComparison.Ordinal);
        Assert.Contains("TIG 용접 실기", korean, StringComparison.Ordinal);
        Assert.Contains("39,000원", korean, StringComparison.Ordinal);
        Assert.Matches(@"결제 금액\s+64,000원", korean);
        Assert.Contains("student@lecturehub.test", korean, StringComparison.Ordinal);
        Assert.Contains(order.Id.ToString(), korean, StringComparison.Ordinal);
        Assert.Matches(@"Total after refunds\s+KRW 64,000", english);

        var enrollment = await Api.ScalarAsync<Guid>(ApiFactory.PrimaryConnectionString,
            "SELECT id FROM enrollments WHERE course_id = @course", ("course", order.Lines[0].CourseId));
        await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/enrollments/{enrollment}/refund", student)).ReadAsync<RefundView>();
        await Api.SettledAsync();
        var refunded = await ReceiptTextAsync(order.Id, student);

        Assert.Contains("-39,000원", refunded, StringComparison.Ordinal);
        Assert.Matches(@"최종 결제 금액\s+25,000원", refunded);

        var paidMail = (await Mailbox.WaitForAsync("student@lecturehub.test")).Single(m => m.Subject.Contains("결제가 완료되었습니다", StringComparison.Ordinal));
        Assert.Equal("[LectureHub] 결제가 완료되었습니다: TIG 용접 실기 외 1건", paidMail.Subject);
        Assert.Contains("64,000원 결제가 완료되었습니다", paidMail.Text, StringComparison.Ordinal);
        Assert.Equal($"<order.{order.Id:N}.paid@lecturehub.local>", paidMail.MessageId);
        var refundMail = (await Mailbox.WaitForAsync("student@lecturehub.test", 2)).Single(m => m.Subject.Contains("환불", StringComparison.Ordinal));
        Assert.Equal("[LectureHub] 환불이 완료되었습니다: TIG 용접 실기", refundMail.Subject);
        Assert.Contains("환불 후 결제 금액: 25,000원", refundMail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_buyer_gets_a_receipt_and_only_for_a_paid_order()
    {
        var (student, pending) = await Client.TwoCourseOrderAsync(Factory);
        var stranger = await Client.SignUpAsync("stranger@example.com");

        await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/me/orders/{pending.Id}/receipt", student)).ProblemAsync(HttpStatusCode.Conflict, "RECEIPT_NOT_AVAILABLE");
        await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/me/orders/{pending.Id}/receipt", stranger)).ProblemAsync(HttpStatusCode.NotFound, "ORDER_NOT_FOUND");
        await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/me/orders/{pending.Id}/receipt?language=ja", student)).ProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        await (await Client.GetAsync($"/api/v1/me/orders/{pending.Id}/receipt")).ProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
    }
}
