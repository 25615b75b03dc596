using LectureHub.Domain.Settlement;

namespace LectureHub.Application.Settlement;

public sealed record StatementDto(
    Guid Id, Guid InstructorId, string Month, int SalesCount, int RefundCount, long GrossKrw, long RefundedKrw, long CommissionKrw, long NetKrw,
    StatementStatus Status, DateTimeOffset ClosedAt, DateTimeOffset? PaidAt, string? PayoutReference)
{
    public static StatementDto From(InstructorStatement s) => new(
        s.Id, s.InstructorId, s.Month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), s.SalesCount, s.RefundCount, s.GrossKrw, s.RefundedKrw, s.CommissionKrw, s.NetKrw,
        s.Status, s.ClosedAt, s.PaidAt, s.PayoutReference);

    /// <summary>The columns of <see cref="StatementDto"/>, for the queries that list statements.</summary>
    internal const string Columns = """
        id AS "Id", instructor_id AS "InstructorId", to_char(month, 'YYYY-MM') AS "Month", sales_count AS "SalesCount",
        refund_count AS "RefundCount", gross_krw AS "GrossKrw", refunded_krw AS "RefundedKrw", commission_krw AS "CommissionKrw",
        net_krw AS "NetKrw", status AS "Status", closed_at AS "ClosedAt", paid_at AS "PaidAt", payout_reference AS "PayoutReference"
        """;
}
