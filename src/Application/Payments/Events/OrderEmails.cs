using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Email;
using LectureHub.Domain.Common;
using LectureHub.Domain.Payments;
using LectureHub.Domain.Users;
using Microsoft.Extensions.Logging;

namespace LectureHub.Application.Payments.Events;

public enum OrderNotice
{
    Paid,
    Refunded,
}

/// <summary>
/// The payment and refund emails, Korean and English. Placeholders: {name}, {order}, {items}, {amount}, {when},
/// {net}. Amounts are the ledger's (<see cref="Receipts"/>); times in KST.
/// </summary>
internal static class OrderEmails
{
    private static readonly Dictionary<(string Language, OrderNotice Notice), EmailTemplate> Templates = new()
    {
        [(Languages.Korean, OrderNotice.Paid)] = new(
            "[LectureHub] 결제가 완료되었습니다: {items}",
            "{name}님, {amount}원 결제가 완료되었습니다 ({when}).",
            "주문 번호: {order}",
            "영수증(PDF)은 앱의 주문 내역에서 받으실 수 있습니다."),
        [(Languages.Korean, OrderNotice.Refunded)] = new(
            "[LectureHub] 환불이 완료되었습니다: {items}",
            "{name}님, {items} {amount}원 환불이 완료되었습니다 ({when}). 카드사에 따라 실제 입금까지 며칠이 걸릴 수 있습니다.",
            "주문 번호: {order} · 환불 후 결제 금액: {net}원"),
        [(Languages.English, OrderNotice.Paid)] = new(
            "[LectureHub] Payment received: {items}",
            "Hi {name}, we received your payment of KRW {amount} ({when}).",
            "Order: {order}",
            "The receipt (PDF) is in your order history in the app."),
        [(Languages.English, OrderNotice.Refunded)] = new(
            "[LectureHub] Refund completed: {items}",
            "Hi {name}, KRW {amount} for {items} has been refunded ({when}). Your card issuer may take a few days to show it.",
            "Order: {order} · paid after refunds: KRW {net}"),
    };

    public static IEnumerable<(string Language, OrderNotice Notice)> Keys => Templates.Keys;

    public static EmailMessage Compose(ReceiptDto receipt, OrderNotice notice, string items, long amountKrw, DateTimeOffset when, string notificationKey)
    {
        var (language, template) = EmailTemplate.For(Templates, receipt.BuyerLanguage, notice);
        var values = new Dictionary<string, string>
        {
            ["{name}"] = receipt.BuyerName,
            ["{order}"] = receipt.OrderId.ToString(),
            ["{items}"] = items,
            ["{amount}"] = KoreaTime.Won(amountKrw),
            ["{net}"] = KoreaTime.Won(receipt.NetKrw),
            ["{when}"] = KoreaTime.Stamp(when),
        };
        return template.Render(receipt.BuyerEmail, receipt.BuyerName, language, values, notificationKey);
    }

    public static string Items(IReadOnlyList<ReceiptLine> lines, string language) =>
        lines.Count == 1 ? lines[0].Title : language == Languages.Korean ? $"{lines[0].Title} 외 {lines.Count - 1}건" : $"{lines[0].Title} and {lines.Count - 1} more";
}

/// <summary>
/// Emails the buyer once an order is paid, and once each refund completes, from the outbox after the commit (so it
/// reads the primary, and may run again: the notification key is the same each time).
/// </summary>
internal sealed class EmailOrderNotices(IReadDb db, IEmailSender email, ILogger<EmailOrderNotices> logger)
    : IDomainEventHandler<OrderPaid>, IDomainEventHandler<OrderRefundCompleted>
{
    public async Task HandleAsync(OrderPaid domainEvent, CancellationToken cancellationToken)
    {
        if (await LoadAsync(domainEvent.OrderId, cancellationToken) is { PaidAt: { } paidAt } receipt)
        {
            await email.SendAsync(OrderEmails.Compose(receipt, OrderNotice.Paid, OrderEmails.Items(receipt.Lines, receipt.BuyerLanguage), receipt.PaidKrw, paidAt,
                $"order.{receipt.OrderId:N}.paid"), cancellationToken);
        }
    }

    public async Task HandleAsync(OrderRefundCompleted domainEvent, CancellationToken cancellationToken)
    {
        if (await LoadAsync(domainEvent.OrderId, cancellationToken) is { } receipt && receipt.Refunds.SingleOrDefault(r => r.Id == domainEvent.RefundId) is { } refund)
        {
            await email.SendAsync(OrderEmails.Compose(receipt, OrderNotice.Refunded, refund.Title, refund.AmountKrw, refund.CompletedAt,
                $"order.{receipt.OrderId:N}.refund.{refund.Id:N}"), cancellationToken);
        }
    }

    private async Task<ReceiptDto?> LoadAsync(Guid orderId, CancellationToken cancellationToken)
    {
        var receipt = await Receipts.LoadAsync(db.Primary, orderId, cancellationToken);
        if (receipt is null)
        {
            logger.LogWarning("Order {OrderId} no longer exists; its email is not sent", orderId);
        }

        return receipt;
    }
}
