using LectureHub.Domain.Common;

namespace LectureHub.Domain.Payments;

public enum AnomalyKind
{
    /// <summary>The gateway took a different amount than the order's.</summary>
    AmountMismatch,

    /// <summary>The gateway's payment names an order LectureHub does not have.</summary>
    UnknownOrder,

    /// <summary>The gateway took the money for an order that had already been canceled or had expired: refund it.</summary>
    PaidAfterClose,

    /// <summary>The gateway canceled a payment LectureHub holds as paid, outside the refund flow.</summary>
    CanceledAfterPaid,
}

/// <summary>
/// Something about a payment that no rule may settle on its own, kept for an Admin: one per (payment, kind), so
/// redelivered webhooks and reconciliation passes flag it once.
/// </summary>
public sealed class PaymentAnomaly : Entity
{
    private PaymentAnomaly()
    {
    }

    public string PaymentKey { get; private set; } = "";

    public Guid? OrderId { get; private set; }

    public AnomalyKind Kind { get; private set; }

    public string Detail { get; private set; } = "";

    public DateTimeOffset FoundAt { get; private set; }

    public static PaymentAnomaly Flag(string paymentKey, Guid? orderId, AnomalyKind kind, string detail, DateTimeOffset now) =>
        new() { PaymentKey = paymentKey, OrderId = orderId, Kind = kind, Detail = detail, FoundAt = now };
}
