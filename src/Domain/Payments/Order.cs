using LectureHub.Domain.Common;

namespace LectureHub.Domain.Payments;

/// <summary>
/// PENDING → PAID → PARTIALLY_REFUNDED / REFUNDED; PENDING → FAILED / EXPIRED / CANCELED. The only moves there are:
/// anything else is refused with ORDER_STATE_INVALID, so a late or repeated gateway event cannot undo a settled order.
/// </summary>
public enum OrderStatus
{
    Pending,
    Paid,
    PartiallyRefunded,
    Refunded,
    Failed,
    Expired,
    Canceled,
}

/// <summary>One course in an order, at the price it had when the order was placed.</summary>
public sealed record OrderLine(Guid CourseId, string Title, long PriceKrw);

/// <summary>
/// A student's order for one or more paid courses. The amount is the sum of the server's prices at placing, never a
/// figure from the client; the gateway is asked to charge exactly it, and a payment for any other amount is refused.
/// </summary>
public sealed class Order : Entity
{
    public const int MaxLines = 20;

    private Order()
    {
    }

    public Guid StudentId { get; private set; }

    public OrderStatus Status { get; private set; }

    public List<OrderLine> Lines { get; private set; } = [];

    public long AmountKrw { get; private set; }

    /// <summary>What the gateway's widget shows: the first course's title, and how many more.</summary>
    public string Name { get; private set; } = "";

    public string? PaymentKey { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? PaidAt { get; private set; }

    public string? FailureReason { get; private set; }

    public static Order Place(Guid studentId, IReadOnlyList<OrderLine> lines, DateTimeOffset now)
    {
        if (lines.Count is 0 or > MaxLines)
        {
            throw new DomainValidationException("ORDER_LINES_INVALID", $"An order holds between 1 and {MaxLines} courses.");
        }

        if (lines.Select(l => l.CourseId).Distinct().Count() != lines.Count)
        {
            throw new DomainValidationException("ORDER_LINES_INVALID", "A course appears twice in the order.");
        }

        if (lines.FirstOrDefault(l => l.PriceKrw <= 0) is { } free)
        {
            throw new DomainValidationException("COURSE_NOT_FOR_SALE", $"'{free.Title}' is free: enrol in it directly.");
        }

        return new Order
        {
            StudentId = studentId, Status = OrderStatus.Pending, Lines = [.. lines], AmountKrw = lines.Sum(l => l.PriceKrw),
            Name = lines.Count == 1 ? lines[0].Title : $"{lines[0].Title} 외 {lines.Count - 1}건", CreatedAt = now, UpdatedAt = now,
        };
    }

    /// <summary>
    /// The gateway confirmed the payment. The same confirmation again is a no-op (true means this call paid it);
    /// another payment key, another amount or any state but PENDING is refused.
    /// </summary>
    public bool MarkPaid(string paymentKey, long amountKrw, DateTimeOffset now)
    {
        if (Status == OrderStatus.Paid && PaymentKey == paymentKey && AmountKrw == amountKrw)
        {
            return false;
        }

        EnsurePending("be paid");
        if (amountKrw != AmountKrw)
        {
            throw new DomainException("PAYMENT_AMOUNT_MISMATCH", $"The payment is for {amountKrw} KRW; the order is for {AmountKrw} KRW.");
        }

        (Status, PaymentKey, PaidAt, UpdatedAt) = (OrderStatus.Paid, paymentKey, now, now);
        Raise(new OrderPaid(Id, StudentId, Lines.Select(l => l.CourseId).ToList(), AmountKrw));
        return true;
    }

    public void Fail(string reason, DateTimeOffset now) => End(OrderStatus.Failed, reason, now);

    public void Cancel(DateTimeOffset now) => End(OrderStatus.Canceled, null, now);

    public void Expire(DateTimeOffset now) => End(OrderStatus.Expired, null, now);

    private void End(OrderStatus status, string? reason, DateTimeOffset now)
    {
        if (Status == status)
        {
            return;
        }

        EnsurePending(status.ToString().ToLowerInvariant());
        (Status, FailureReason, UpdatedAt) = (status, reason, now);
    }

    private void EnsurePending(string what)
    {
        if (Status != OrderStatus.Pending)
        {
            throw new DomainException("ORDER_STATE_INVALID", $"The order is {Status.ToString().ToLowerInvariant()} and cannot {(what.StartsWith("be ", StringComparison.Ordinal) ? what : "become " + what)}.");
        }
    }
}

public sealed record OrderPaid(Guid OrderId, Guid StudentId, IReadOnlyList<Guid> CourseIds, long AmountKrw) : IDomainEvent;
