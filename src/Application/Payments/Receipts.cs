using LectureHub.Application.Abstractions;
using LectureHub.Application.Common;
using LectureHub.Domain.Payments;

namespace LectureHub.Application.Payments;

/// <summary>
/// What a receipt shows: the buyer, each line's price and discount, and what was paid and refunded as the ledger holds
/// it (the gateway's legs of the order's sale and refund transactions), with each completed refund.
/// </summary>
public sealed record ReceiptDto(
    Guid OrderId, Guid StudentId, OrderStatus Status, string BuyerName, string BuyerEmail, string BuyerLanguage, DateTimeOffset? PaidAt, string? PaymentKey,
    IReadOnlyList<ReceiptLine> Lines, long PaidKrw, long RefundedKrw, IReadOnlyList<ReceiptRefund> Refunds)
{
    public long NetKrw => PaidKrw - RefundedKrw;

    public bool IsPaid => Status is OrderStatus.Paid or OrderStatus.PartiallyRefunded or OrderStatus.Refunded;
}

public sealed record ReceiptLine(string Title, long PriceKrw, long DiscountKrw, long PaidKrw);

public sealed record ReceiptRefund(Guid Id, string Title, long AmountKrw, DateTimeOffset CompletedAt);

/// <summary>Renders a receipt as a PDF a person would keep, in Korean or English.</summary>
public interface IReceiptRenderer
{
    byte[] Render(ReceiptDto receipt, string language);
}

internal static class Receipts
{
    private const string GatewayLegs = "account IN ('GatewayReceivable', 'GatewayFees')";

    private const string Sql = $"""
        SELECT o.id AS "OrderId", o.student_id AS "StudentId", o.status AS "Status", u.display_name AS "BuyerName", u.email AS "BuyerEmail",
               u.language AS "BuyerLanguage", o.paid_at AS "PaidAt", o.payment_key AS "PaymentKey", o.lines::text AS "Lines", o.refunds::text AS "Refunds",
               (SELECT coalesce(sum(amount_krw), 0)::bigint FROM ledger_entries WHERE order_id = o.id AND kind = 'Sale' AND {GatewayLegs}) AS "PaidKrw",
               (SELECT coalesce(-sum(amount_krw), 0)::bigint FROM ledger_entries WHERE order_id = o.id AND kind = 'Refund' AND {GatewayLegs}) AS "RefundedKrw",
               (SELECT coalesce(jsonb_object_agg(item, amount), jsonb_build_object())::text FROM (
                   SELECT coalesce(course_id, cohort_id)::text AS item, sum(amount_krw) AS amount FROM ledger_entries
                   WHERE order_id = o.id AND kind = 'Sale' AND {GatewayLegs} GROUP BY 1) sales) AS "LineSales"
        FROM orders o JOIN users u ON u.id = o.student_id
        WHERE o.id = @OrderId
        """;

    /// <summary>The receipt of an order, or null if there is no such order.</summary>
    public static async Task<ReceiptDto?> LoadAsync(IReadDb db, Guid orderId, CancellationToken cancellationToken)
    {
        if (await db.QuerySingleOrDefaultAsync<Row>(Sql, new { OrderId = orderId }, cancellationToken) is not { } row)
        {
            return null;
        }

        var lines = StoredJson.Read<List<OrderLine>>(row.Lines);
        var sales = StoredJson.Read<Dictionary<Guid, long>>(row.LineSales);
        var refunds = StoredJson.Read<List<OrderRefund>>(row.Refunds).Where(r => r.Status == RefundStatus.Completed)
            .Select(r => new ReceiptRefund(r.Id, lines.Single(l => l.ItemId() == r.ItemId()).Title, r.AmountKrw, r.CompletedAt!.Value)).ToList();
        return new ReceiptDto(
            row.OrderId, row.StudentId, Enum.Parse<OrderStatus>(row.Status), row.BuyerName, row.BuyerEmail, row.BuyerLanguage, row.PaidAt, row.PaymentKey,
            lines.Select(l => new ReceiptLine(l.Title, l.PriceKrw, l.DiscountKrw, sales.GetValueOrDefault(l.ItemId()))).ToList(), row.PaidKrw, row.RefundedKrw, refunds);
    }

    private sealed record Row(
        Guid OrderId, Guid StudentId, string Status, string BuyerName, string BuyerEmail, string BuyerLanguage, DateTimeOffset? PaidAt, string? PaymentKey,
        string Lines, string Refunds, long PaidKrw, long RefundedKrw, string LineSales);
}
