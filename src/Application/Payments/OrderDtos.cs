using LectureHub.Application.Common.Exceptions;
using LectureHub.Domain.Payments;

namespace LectureHub.Application.Payments;

/// <summary>
/// An order as its student sees it; Id and AmountKrw and Name are what the gateway's payment widget needs. Each line
/// shows its price, discount and what was paid; Terms are the refund policy and fees the order was placed under.
/// </summary>
public sealed record OrderDto(
    Guid Id, OrderStatus Status, long AmountKrw, string Name, IReadOnlyList<OrderLine> Lines, DateTimeOffset CreatedAt, DateTimeOffset? PaidAt,
    long RefundedKrw, IReadOnlyList<OrderRefund> Refunds, SettlementTerms Terms)
{
    public static OrderDto From(Order order) => new(
        order.Id, order.Status, order.AmountKrw, order.Name, order.Lines, order.CreatedAt, order.PaidAt, order.RefundedKrw, order.Refunds, order.Terms);
}

internal static class OrderAccess
{
    public static NotFoundException NotFound(Guid id) => new("ORDER_NOT_FOUND", $"Order {id} does not exist.");
}
