using LectureHub.Infrastructure.Payments;
using LectureHub.Infrastructure.Payments.Webhooks;

namespace LectureHub.UnitTests.Infrastructure;

public sealed class PaymentWebhookBodyTests
{
    [Theory]
    [InlineData("""{"eventType":"PAYMENT_STATUS_CHANGED","data":{"paymentKey":"pk_1","status":"DONE"}}""", "pk_1")]
    [InlineData("""{"type":"Transaction.Paid","data":{"paymentId":"pay_2","storeId":"store"}}""", "pay_2")]
    [InlineData("""{"type":"Transaction.Paid","data":{"paymentId":42}}""", null)]
    [InlineData("""{"type":"Transaction.Paid"}""", null)]
    [InlineData("""{"data":"pk_3"}""", null)]
    [InlineData("not json", null)]
    public void Only_the_payment_key_is_read_from_a_webhook_body(string body, string? key) =>
        Assert.Equal(key, PaymentWebhookProcessor.PaymentKey(body));
}
