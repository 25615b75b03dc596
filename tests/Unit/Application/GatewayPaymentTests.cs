using LectureHub.Application.Payments;

namespace LectureHub.UnitTests.Application;

public sealed class GatewayPaymentTests
{
    [Theory]
    [InlineData("DONE", null, 0L)]
    [InlineData("DONE", 39_000L, 0L)]
    [InlineData("PARTIAL_CANCELED", 25_000L, 14_000L)]
    [InlineData("CANCELED", 0L, 39_000L)]
    [InlineData("CANCELED", null, 39_000L)] // a full cancel that does not report the balance is still all of it
    [InlineData("PARTIAL_CANCELED", null, null)] // unknown: settlement flags it rather than guess
    public void What_was_returned_to_the_buyer_follows_the_balance_or_the_status(string status, long? balance, long? canceled) =>
        Assert.Equal(canceled, new GatewayPayment("pk", "order", status, 39_000, null, balance).CanceledAmount);
}
