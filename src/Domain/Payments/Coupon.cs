using LectureHub.Domain.Common;

namespace LectureHub.Domain.Payments;

/// <summary>
/// A discount code. A platform coupon (made by an Admin) applies to every course in an order; an instructor's applies
/// to that instructor's courses only. It takes a percentage or an amount off, inside a validity window, at most
/// <see cref="UsageCap"/> times: an order reserves a use when placed and gives it back if it ends unpaid. The
/// counter lives in the database and moves with a conditional update, so the cap holds under any concurrency.
/// </summary>
public sealed class Coupon : Entity
{
    public const int MaxPercent = 90;

    private Coupon()
    {
    }

    public string Code { get; private set; } = "";

    /// <summary>The instructor whose courses it discounts; null for a platform coupon.</summary>
    public Guid? InstructorId { get; private set; }

    public int? PercentOff { get; private set; }

    public long? AmountOffKrw { get; private set; }

    public DateTimeOffset ValidFrom { get; private set; }

    public DateTimeOffset ValidUntil { get; private set; }

    public int UsageCap { get; private set; }

    public int Redemptions { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When its owner stopped it: no new order takes it; orders that already did keep their discount.</summary>
    public DateTimeOffset? DisabledAt { get; private set; }

    public void Disable(DateTimeOffset now) => DisabledAt ??= now;

    public static string Normalize(string code) => code.Trim().ToUpperInvariant();

    public static Coupon Create(string code, Guid? instructorId, int? percentOff, long? amountOffKrw, DateTimeOffset validFrom, DateTimeOffset validUntil, int usageCap, DateTimeOffset now)
    {
        if (percentOff.HasValue == amountOffKrw.HasValue)
        {
            throw new DomainValidationException("COUPON_DISCOUNT_INVALID", "A coupon takes off either a percentage or an amount.");
        }

        if (percentOff is < 1 or > MaxPercent || amountOffKrw is < 1)
        {
            throw new DomainValidationException("COUPON_DISCOUNT_INVALID", $"A percentage is 1–{MaxPercent}; an amount is at least 1 KRW.");
        }

        if (validUntil <= validFrom || usageCap < 1)
        {
            throw new DomainValidationException("COUPON_TERMS_INVALID", "The window must end after it starts, and the cap be at least 1.");
        }

        return new Coupon
        {
            Code = Normalize(code), InstructorId = instructorId, PercentOff = percentOff, AmountOffKrw = amountOffKrw,
            ValidFrom = validFrom, ValidUntil = validUntil, UsageCap = usageCap, CreatedAt = now,
        };
    }

    /// <summary>
    /// The order's lines with this coupon's discount on each line it applies to. A percentage is taken off each line
    /// (rounded down); an amount is spread over the eligible lines by price, the rounding remainder on the last.
    /// Every line keeps at least <see cref="Order.MinLineKrw"/>.
    /// </summary>
    public IReadOnlyList<OrderLine> Apply(IReadOnlyList<OrderLine> lines, DateTimeOffset now)
    {
        if (DisabledAt is not null)
        {
            throw new DomainException("COUPON_DISABLED", $"Coupon {Code} was withdrawn by its owner.");
        }

        if (now < ValidFrom || now >= ValidUntil)
        {
            throw new DomainException("COUPON_NOT_VALID_NOW", $"Coupon {Code} is valid from {ValidFrom:yyyy-MM-dd HH:mm} to {ValidUntil:yyyy-MM-dd HH:mm} (UTC).");
        }

        var eligible = lines.Where(l => InstructorId is null || l.InstructorId == InstructorId).ToList();
        if (eligible.Count == 0)
        {
            throw new DomainException("COUPON_NOT_APPLICABLE", $"Coupon {Code} applies to none of these courses.");
        }

        var total = eligible.Sum(l => l.PriceKrw);
        var amount = AmountOffKrw ?? 0;
        var given = 0L;
        return lines.Select(line =>
        {
            if (!eligible.Contains(line))
            {
                return line;
            }

            long off;
            if (PercentOff is { } percent)
            {
                off = line.PriceKrw * percent / 100;
            }
            else
            {
                off = line == eligible[^1] ? Math.Min(amount, total) - given : Math.Min(amount, total) * line.PriceKrw / total;
                given += off;
            }

            return line with { DiscountKrw = Math.Clamp(off, 0, Math.Max(0, line.PriceKrw - Order.MinLineKrw)) };
        }).ToList();
    }
}
