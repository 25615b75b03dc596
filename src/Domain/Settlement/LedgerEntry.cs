using LectureHub.Domain.Common;
using LectureHub.Domain.Payments;

namespace LectureHub.Domain.Settlement;

/// <summary>The ledger's accounts. Debits are positive amounts, credits negative.</summary>
public enum LedgerAccount
{
    /// <summary>Asset: what the gateway collected for us and will pay out, after its fee.</summary>
    GatewayReceivable,

    /// <summary>Expense: what the gateway kept.</summary>
    GatewayFees,

    /// <summary>Revenue: the platform's commission.</summary>
    Commission,

    /// <summary>Liability, per instructor: what the platform owes them.</summary>
    InstructorPayable,

    /// <summary>Asset: the platform's bank account, which instructor payouts leave from.</summary>
    Bank,
}

public enum LedgerKind
{
    Sale,
    Refund,
    Payout,
}

/// <summary>
/// One leg of a double-entry transaction. Legs are written together and never changed: every transaction sums to
/// zero (the database checks it at commit), a refund is a new transaction that reverses its share of the sale, and
/// the only later write is attaching a sale or refund leg to the monthly statement that settled it.
/// </summary>
public sealed class LedgerEntry : Entity
{
    private LedgerEntry()
    {
    }

    public Guid TransactionId { get; private set; }

    public LedgerKind Kind { get; private set; }

    public LedgerAccount Account { get; private set; }

    /// <summary>Debit positive, credit negative, in won.</summary>
    public long AmountKrw { get; private set; }

    /// <summary>The instructor whose sale, refund or payout this is.</summary>
    public Guid InstructorId { get; private set; }

    public Guid? OrderId { get; private set; }

    public Guid? CourseId { get; private set; }

    /// <summary>The cohort whose fee this sale or refund is (a cohort line has no course).</summary>
    public Guid? CohortId { get; private set; }

    public Guid? StatementId { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    internal void AssignTo(Guid statementId)
    {
        if (StatementId is not null)
        {
            throw new DomainException("LEDGER_ENTRY_SETTLED", "The entry already belongs to a statement.");
        }

        StatementId = statementId;
    }

    internal static LedgerEntry Leg(Guid transactionId, LedgerKind kind, LedgerAccount account, long amountKrw, Guid instructorId, Guid? orderId, OrderLine? line, DateTimeOffset now) =>
        new()
        {
            TransactionId = transactionId, Kind = kind, Account = account, AmountKrw = amountKrw, InstructorId = instructorId, OrderId = orderId,
            CourseId = line?.CourseId, CohortId = line?.CohortId, OccurredAt = now,
        };
}

/// <summary>The transactions the platform writes. Each returns legs that sum to zero.</summary>
public static class Ledger
{
    /// <summary>Dr receivable (paid − fee), Dr fees; Cr commission, Cr the instructor (paid − commission).</summary>
    public static IReadOnlyList<LedgerEntry> Sale(Guid orderId, OrderLine line, SaleSplit split, DateTimeOffset now) =>
        Transaction(LedgerKind.Sale, line.InstructorId, orderId, line, now,
            (LedgerAccount.GatewayReceivable, split.GrossKrw - split.GatewayFeeKrw),
            (LedgerAccount.GatewayFees, split.GatewayFeeKrw),
            (LedgerAccount.Commission, -split.CommissionKrw),
            (LedgerAccount.InstructorPayable, -split.InstructorNetKrw));

    /// <summary>
    /// Reverses <paramref name="refundKrw"/> of the sale, each leg in proportion (a full refund reverses it exactly):
    /// the instructor gives back their share of what is refunded, the platform its commission on it.
    /// </summary>
    public static IReadOnlyList<LedgerEntry> Refund(Guid orderId, OrderLine line, SaleSplit sale, long refundKrw, DateTimeOffset now)
    {
        if (refundKrw <= 0 || refundKrw > sale.GrossKrw)
        {
            throw new DomainValidationException("REFUND_AMOUNT_INVALID", $"A refund is between 1 and {sale.GrossKrw} KRW.");
        }

        var fee = Share(sale.GatewayFeeKrw, refundKrw, sale.GrossKrw);
        var commission = Share(sale.CommissionKrw, refundKrw, sale.GrossKrw);
        return Transaction(LedgerKind.Refund, line.InstructorId, orderId, line, now,
            (LedgerAccount.GatewayReceivable, -(refundKrw - fee)),
            (LedgerAccount.GatewayFees, -fee),
            (LedgerAccount.Commission, commission),
            (LedgerAccount.InstructorPayable, refundKrw - commission));
    }

    /// <summary>Dr the instructor, Cr the bank: a statement paid out.</summary>
    public static IReadOnlyList<LedgerEntry> Payout(Guid instructorId, long amountKrw, DateTimeOffset now) =>
        Transaction(LedgerKind.Payout, instructorId, null, null, now, (LedgerAccount.InstructorPayable, amountKrw), (LedgerAccount.Bank, -amountKrw));

    private static long Share(long part, long refund, long gross) => (long)Math.Round((decimal)part * refund / gross, MidpointRounding.AwayFromZero);

    private static List<LedgerEntry> Transaction(
        LedgerKind kind, Guid instructorId, Guid? orderId, OrderLine? line, DateTimeOffset now, params (LedgerAccount Account, long AmountKrw)[] legs)
    {
        if (legs.Sum(l => l.AmountKrw) != 0)
        {
            throw new InvalidOperationException($"A {kind} transaction must balance; its legs sum to {legs.Sum(l => l.AmountKrw)}.");
        }

        var id = Guid.CreateVersion7();
        return legs.Where(l => l.AmountKrw != 0).Select(l => LedgerEntry.Leg(id, kind, l.Account, l.AmountKrw, instructorId, orderId, line, now)).ToList();
    }
}
