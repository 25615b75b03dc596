using LectureHub.Domain.Common;

namespace LectureHub.Domain.Settlement;

public enum StatementStatus
{
    Closed,
    Paid,
}

/// <summary>
/// An instructor's monthly settlement (정산): the sale and refund legs it settled, and their totals. Closed once, after
/// the month (in Korea Standard Time) has ended, and never changed after: a refund of an earlier sale lands in the
/// month it happened. A month that owes the instructor nothing (refunds outweigh sales) is not closed; its legs carry
/// into the next statement. An Admin marks a statement paid, which writes the payout to the ledger.
/// </summary>
public sealed class InstructorStatement : Entity
{

    private InstructorStatement()
    {
    }

    public Guid InstructorId { get; private set; }

    /// <summary>The month's first day.</summary>
    public DateOnly Month { get; private set; }

    public int SalesCount { get; private set; }

    public int RefundCount { get; private set; }

    /// <summary>What buyers paid for the sales.</summary>
    public long GrossKrw { get; private set; }

    /// <summary>What was refunded to buyers.</summary>
    public long RefundedKrw { get; private set; }

    /// <summary>The platform's commission, net of refunds.</summary>
    public long CommissionKrw { get; private set; }

    /// <summary>What the platform owes the instructor for the month.</summary>
    public long NetKrw { get; private set; }

    public StatementStatus Status { get; private set; }

    public DateTimeOffset ClosedAt { get; private set; }

    public DateTimeOffset? PaidAt { get; private set; }

    public string? PayoutReference { get; private set; }

    /// <summary>The instant a month ends in Korea (in UTC, as stored): entries before it belong to the month or an earlier one.</summary>
    public static DateTimeOffset EndOf(DateOnly month) => KoreaTime.StartOf(month.AddMonths(1));

    /// <summary>
    /// Settles the instructor's unsettled sale and refund legs up to the month's end; null when they owe the
    /// instructor nothing, so nothing is closed and they carry over.
    /// </summary>
    public static InstructorStatement? Close(Guid instructorId, DateOnly month, IReadOnlyList<LedgerEntry> entries, DateTimeOffset now)
    {
        if (month.Day != 1 || now < EndOf(month))
        {
            throw new DomainException("STATEMENT_MONTH_OPEN", $"{month:yyyy-MM} has not ended in Korea yet; it can be closed from {EndOf(month):yyyy-MM-dd HH:mm zzz}.");
        }

        if (entries.Any(e => e.InstructorId != instructorId || e.Kind == LedgerKind.Payout || e.StatementId is not null || e.OccurredAt >= EndOf(month)))
        {
            throw new InvalidOperationException("A statement settles the instructor's own unsettled sales and refunds of the month or before.");
        }

        var statement = new InstructorStatement
        {
            InstructorId = instructorId, Month = month, Status = StatementStatus.Closed, ClosedAt = now,
            SalesCount = entries.Where(e => e.Kind == LedgerKind.Sale).Select(e => e.TransactionId).Distinct().Count(),
            RefundCount = entries.Where(e => e.Kind == LedgerKind.Refund).Select(e => e.TransactionId).Distinct().Count(),
            GrossKrw = Sum(entries, LedgerKind.Sale, LedgerAccount.GatewayReceivable, LedgerAccount.GatewayFees),
            RefundedKrw = -Sum(entries, LedgerKind.Refund, LedgerAccount.GatewayReceivable, LedgerAccount.GatewayFees),
            CommissionKrw = -entries.Where(e => e.Account == LedgerAccount.Commission).Sum(e => e.AmountKrw),
            NetKrw = -entries.Where(e => e.Account == LedgerAccount.InstructorPayable).Sum(e => e.AmountKrw),
        };
        if (statement.NetKrw <= 0)
        {
            return null;
        }

        foreach (var entry in entries)
        {
            entry.AssignTo(statement.Id);
        }

        return statement;
    }

    /// <summary>The money left the bank: the statement is paid, and the payout is written to the ledger.</summary>
    public IReadOnlyList<LedgerEntry> MarkPaid(string reference, DateTimeOffset now)
    {
        if (Status == StatementStatus.Paid)
        {
            throw new DomainException("STATEMENT_ALREADY_PAID", $"The statement was paid on {PaidAt:yyyy-MM-dd} ({PayoutReference}).");
        }

        (Status, PaidAt, PayoutReference) = (StatementStatus.Paid, now, reference);
        var payout = Ledger.Payout(InstructorId, NetKrw, now);
        foreach (var entry in payout)
        {
            entry.AssignTo(Id);
        }

        return payout;
    }

    private static long Sum(IReadOnlyList<LedgerEntry> entries, LedgerKind kind, params LedgerAccount[] accounts) =>
        entries.Where(e => e.Kind == kind && accounts.Contains(e.Account)).Sum(e => e.AmountKrw);
}
