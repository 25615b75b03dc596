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

/// <summary>
/// What one line sells, at the price it had when the order was placed, less any coupon discount: a course, or a
/// cohort's fee (<see cref="CohortId"/> set, <see cref="CourseId"/> null; the seat is the application's).
/// </summary>
public sealed record OrderLine(Guid? CourseId, string Title, long PriceKrw, Guid InstructorId, long DiscountKrw = 0, Guid? CohortId = null)
{
    public long PaidKrw => PriceKrw - DiscountKrw;

    /// <summary>The course or cohort sold; refunds name their line by it.</summary>
    public Guid ItemId() => CourseId ?? CohortId ?? throw new InvalidOperationException("An order line sells a course or a cohort.");
}

public enum RefundStatus
{
    /// <summary>Asked of the gateway; the gateway's answer (or a retry with the same idempotency key) completes it.</summary>
    Requested,
    Completed,
}

/// <summary>A refund of one line of the order (a course, or a cohort's fee), at the amount its quote gave under the order's policy.</summary>
public sealed record OrderRefund(
    Guid Id, Guid? CourseId, long AmountKrw, string PolicyVersion, double ProgressPercent, RefundStatus Status, DateTimeOffset RequestedAt, DateTimeOffset? CompletedAt,
    Guid? CohortId = null)
{
    public Guid ItemId() => CourseId ?? CohortId ?? throw new InvalidOperationException("A refund returns a course or a cohort's fee.");
}

/// <summary>
/// A student's order for one or more paid courses. The amount is the sum of the server's prices at placing, never a
/// figure from the client; the gateway is asked to charge exactly it, and a payment for any other amount is refused.
/// </summary>
public sealed class Order : Entity
{
    public const int MaxLines = 20;

    /// <summary>The least a course may cost after a coupon: card gateways refuse smaller payments.</summary>
    public const long MinLineKrw = 100;

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

    /// <summary>The refund policy, fee and commission in force when the order was placed; they stay with it.</summary>
    public SettlementTerms Terms { get; private set; } = SettlementTerms.Default;

    /// <summary>The coupon whose use the order holds (given back if it ends unpaid).</summary>
    public Guid? CouponId { get; private set; }

    /// <summary>Replaced, never changed in place (it is stored as one jsonb value).</summary>
    public IReadOnlyList<OrderRefund> Refunds { get; private set; } = [];

    public long RefundedKrw => Refunded(Refunds);

    /// <summary>What the completed refunds of an order returned.</summary>
    public static long Refunded(IEnumerable<OrderRefund> refunds) => refunds.Where(r => r.Status == RefundStatus.Completed).Sum(r => r.AmountKrw);

    public static Order Place(Guid studentId, IReadOnlyList<OrderLine> lines, SettlementTerms terms, Guid? couponId, DateTimeOffset now)
    {
        if (lines.Count is 0 or > MaxLines)
        {
            throw new DomainValidationException("ORDER_LINES_INVALID", $"An order holds between 1 and {MaxLines} courses.");
        }

        if (lines.Select(l => l.ItemId()).Distinct().Count() != lines.Count)
        {
            throw new DomainValidationException("ORDER_LINES_INVALID", "A course appears twice in the order.");
        }

        if (lines.FirstOrDefault(l => l.PriceKrw <= 0) is { } free)
        {
            throw new DomainValidationException("COURSE_NOT_FOR_SALE", $"'{free.Title}' is free: enrol in it directly.");
        }

        if (lines.Any(l => l.DiscountKrw < 0 || l.DiscountKrw > 0 && l.PaidKrw < MinLineKrw))
        {
            throw new DomainValidationException("ORDER_LINES_INVALID", $"A discount must leave at least {MinLineKrw} KRW per course.");
        }

        return new Order
        {
            StudentId = studentId, Status = OrderStatus.Pending, Lines = [.. lines], AmountKrw = lines.Sum(l => l.PaidKrw), Terms = terms, CouponId = couponId,
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
        Raise(new OrderPaid(Id, StudentId, Lines.Select(l => l.ItemId()).ToList(), AmountKrw));
        return true;
    }

    /// <summary>
    /// Starts refunding one line (a course or a cohort's fee) at its quote. One refund per line, and one in flight per
    /// order, so a gateway cancel always has one refund to answer to.
    /// </summary>
    public OrderRefund RequestRefund(Guid itemId, RefundQuote quote, DateTimeOffset now)
    {
        if (Status is not (OrderStatus.Paid or OrderStatus.PartiallyRefunded))
        {
            throw new DomainException("ORDER_STATE_INVALID", $"The order is {Status.ToString().ToLowerInvariant()}; only paid orders are refunded.");
        }

        var line = Line(itemId);
        if (Refunds.FirstOrDefault(r => r.ItemId() == itemId) is { Status: RefundStatus.Completed })
        {
            throw new DomainException("ALREADY_REFUNDED", $"'{line.Title}' was refunded already.");
        }

        if (Refunds.FirstOrDefault(r => r.Status == RefundStatus.Requested) is { } pending)
        {
            return pending.ItemId() == itemId ? pending
                : throw new DomainException("REFUND_IN_PROGRESS", "Another refund of this order is being processed; try again in a minute.");
        }

        if (quote.Rule == RefundRule.None || quote.AmountKrw <= 0 || quote.AmountKrw > line.PaidKrw)
        {
            throw new DomainException("REFUND_NOT_ALLOWED", $"Under refund policy {quote.PolicyVersion}, '{line.Title}' can no longer be refunded ({quote.ProgressPercent}% watched, paid {PaidAt:yyyy-MM-dd}).");
        }

        var refund = new OrderRefund(Guid.CreateVersion7(), line.CourseId, quote.AmountKrw, quote.PolicyVersion, quote.ProgressPercent, RefundStatus.Requested, now, null, line.CohortId);
        (Refunds, UpdatedAt) = ([.. Refunds, refund], now);
        return refund;
    }

    /// <summary>The gateway returned the money: the refund is complete (true the first time), and the order refunded when every course is.</summary>
    public bool CompleteRefund(Guid refundId, DateTimeOffset now)
    {
        var refund = Refunds.SingleOrDefault(r => r.Id == refundId) ?? throw new DomainException("REFUND_NOT_FOUND", $"The order has no refund {refundId}.");
        if (refund.Status == RefundStatus.Completed)
        {
            return false;
        }

        Refunds = Refunds.Select(r => r.Id == refundId ? r with { Status = RefundStatus.Completed, CompletedAt = now } : r).ToList();
        Raise(new OrderRefundCompleted(Id, refundId, refund.AmountKrw));
        var refundedCourses = Refunds.Count(r => r.Status == RefundStatus.Completed);
        (Status, UpdatedAt) = (refundedCourses == Lines.Count ? OrderStatus.Refunded : OrderStatus.PartiallyRefunded, now);
        return true;
    }

    /// <summary>The gateway refused the cancel: the request is dropped and may be made again.</summary>
    public void AbandonRefund(Guid refundId, DateTimeOffset now)
    {
        if (Refunds.SingleOrDefault(r => r.Id == refundId) is { Status: RefundStatus.Requested })
        {
            (Refunds, UpdatedAt) = (Refunds.Where(r => r.Id != refundId).ToList(), now);
        }
    }

    public OrderLine Line(Guid itemId) =>
        Lines.SingleOrDefault(l => l.ItemId() == itemId) ?? throw new DomainException("ORDER_LINE_NOT_FOUND", $"{itemId} is not sold in order {Id}.");

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

/// <summary>An order was paid; <see cref="ItemIds"/> are its courses and cohorts.</summary>
public sealed record OrderPaid(Guid OrderId, Guid StudentId, IReadOnlyList<Guid> ItemIds, long AmountKrw) : IDomainEvent;

/// <summary>The gateway returned a refund's money.</summary>
public sealed record OrderRefundCompleted(Guid OrderId, Guid RefundId, long AmountKrw) : IDomainEvent;
