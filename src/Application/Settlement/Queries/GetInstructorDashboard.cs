using LectureHub.Application.Abstractions;
using Mediator;

namespace LectureHub.Application.Settlement.Queries;

/// <summary>
/// An instructor's sales and what they are owed (정산금), from the ledger. <c>PendingKrw</c> is earned but not yet in a
/// closed statement; <c>PayableKrw</c> is in closed statements awaiting payout; <c>PaidKrw</c> has been paid out.
/// </summary>
public sealed record InstructorDashboardDto(
    int SalesCount, int RefundCount, long GrossKrw, long RefundedKrw, long CommissionKrw, long NetKrw, long PendingKrw, long PayableKrw, long PaidKrw,
    IReadOnlyList<CourseSalesDto> Courses);

public sealed record CourseSalesDto(Guid CourseId, string Title, int SalesCount, int RefundCount, long GrossKrw, long RefundedKrw, long NetKrw);

/// <summary>The signed-in instructor's dashboard (a replica may be a moment behind; a sale shows up within its lag).</summary>
public sealed record GetInstructorDashboardQuery : IQuery<InstructorDashboardDto>;

internal sealed class GetInstructorDashboardHandler(IReadDb db, ICurrentUser currentUser) : IQueryHandler<GetInstructorDashboardQuery, InstructorDashboardDto>
{
    /// <summary>Per course, from the sale and refund legs; the totals are their sums.</summary>
    private const string CoursesSql = """
        SELECT l.course_id AS "CourseId", c.title AS "Title",
               (COUNT(DISTINCT l.transaction_id) FILTER (WHERE l.kind = 'Sale'))::int AS "SalesCount",
               (COUNT(DISTINCT l.transaction_id) FILTER (WHERE l.kind = 'Refund'))::int AS "RefundCount",
               COALESCE(SUM(l.amount_krw) FILTER (WHERE l.kind = 'Sale' AND l.account IN ('GatewayReceivable', 'GatewayFees')), 0)::bigint AS "GrossKrw",
               COALESCE(-SUM(l.amount_krw) FILTER (WHERE l.kind = 'Refund' AND l.account IN ('GatewayReceivable', 'GatewayFees')), 0)::bigint AS "RefundedKrw",
               COALESCE(-SUM(l.amount_krw) FILTER (WHERE l.account = 'Commission'), 0)::bigint AS "CommissionKrw",
               COALESCE(-SUM(l.amount_krw) FILTER (WHERE l.account = 'InstructorPayable'), 0)::bigint AS "NetKrw",
               COALESCE(-SUM(l.amount_krw) FILTER (WHERE l.account = 'InstructorPayable' AND l.statement_id IS NULL), 0)::bigint AS "PendingKrw"
        FROM ledger_entries l
        JOIN courses c ON c.id = l.course_id
        WHERE l.instructor_id = @InstructorId AND l.kind <> 'Payout'
        GROUP BY l.course_id, c.title
        ORDER BY 5 DESC
        """;

    private const string StatementsSql = """
        SELECT COALESCE(SUM(net_krw) FILTER (WHERE status = 'Closed'), 0)::bigint AS "PayableKrw",
               COALESCE(SUM(net_krw) FILTER (WHERE status = 'Paid'), 0)::bigint AS "PaidKrw"
        FROM instructor_statements WHERE instructor_id = @InstructorId
        """;

    public async ValueTask<InstructorDashboardDto> Handle(GetInstructorDashboardQuery query, CancellationToken cancellationToken)
    {
        var parameters = new { InstructorId = currentUser.RequiredUserId };
        var courses = await db.QueryAsync<CourseRow>(CoursesSql, parameters, cancellationToken);
        var statements = await db.QuerySingleOrDefaultAsync<StatementTotals>(StatementsSql, parameters, cancellationToken) ?? new StatementTotals(0, 0);
        return new InstructorDashboardDto(
            courses.Sum(c => c.SalesCount), courses.Sum(c => c.RefundCount), courses.Sum(c => c.GrossKrw), courses.Sum(c => c.RefundedKrw),
            courses.Sum(c => c.CommissionKrw), courses.Sum(c => c.NetKrw), courses.Sum(c => c.PendingKrw), statements.PayableKrw, statements.PaidKrw,
            courses.Select(c => new CourseSalesDto(c.CourseId, c.Title, c.SalesCount, c.RefundCount, c.GrossKrw, c.RefundedKrw, c.NetKrw)).ToList());
    }

    private sealed record CourseRow(Guid CourseId, string Title, int SalesCount, int RefundCount, long GrossKrw, long RefundedKrw, long CommissionKrw, long NetKrw, long PendingKrw);

    private sealed record StatementTotals(long PayableKrw, long PaidKrw);
}
