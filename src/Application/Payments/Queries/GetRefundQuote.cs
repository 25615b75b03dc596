using LectureHub.Application.Abstractions;
using LectureHub.Application.Common;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Application.Learning;
using LectureHub.Domain.Learning;
using LectureHub.Domain.Payments;
using Mediator;

namespace LectureHub.Application.Payments.Queries;

/// <summary>What refunding a paid enrolment would return now, under the policy frozen on its order.</summary>
public sealed record RefundQuoteDto(
    Guid EnrollmentId, Guid OrderId, Guid CourseId, RefundPolicy Policy, DateTimeOffset PaidAt, double ProgressPercent, long PaidKrw,
    long AmountKrw, RefundRule Rule)
{
    public bool Refundable => AmountKrw > 0;
}

/// <summary>
/// The signed-in student's refund quote for one of their enrolments. Read on the primary, like the progress screen:
/// the verified progress (the union of believed watch intervals) decides the amount, and it must be today's.
/// </summary>
public sealed record GetRefundQuoteQuery(Guid EnrollmentId) : IQuery<RefundQuoteDto>;

internal sealed class GetRefundQuoteHandler(IReadDb db, ICurrentUser currentUser, TimeProvider clock) : IQueryHandler<GetRefundQuoteQuery, RefundQuoteDto>
{
    private const string Sql = $"""
        SELECT e.student_id AS "StudentId", e.course_id AS "CourseId", e.status AS "Status", e.order_id AS "OrderId",
               o.paid_at AS "PaidAt", o.terms::text AS "TermsJson", o.lines::text AS "LinesJson",
               {ProgressSql.CoveredMs} AS "CoveredMs", {ProgressSql.DurationMs} AS "DurationMs"
        FROM enrollments e
        LEFT JOIN orders o ON o.id = e.order_id
        WHERE e.id = @EnrollmentId
        """;

    public async ValueTask<RefundQuoteDto> Handle(GetRefundQuoteQuery query, CancellationToken cancellationToken)
    {
        var row = await db.Primary.QuerySingleOrDefaultAsync<Row>(Sql, new { query.EnrollmentId }, cancellationToken);
        if (row is null || row.StudentId != currentUser.UserId)
        {
            throw new NotFoundException("ENROLLMENT_NOT_FOUND", $"Enrolment {query.EnrollmentId} does not exist.");
        }

        if (row.Status != "Active" || row.OrderId is not { } orderId || row.PaidAt is not { } paidAt || row.TermsJson is null || row.LinesJson is null)
        {
            throw new ConflictException("ENROLLMENT_NOT_REFUNDABLE", row.Status == "Active"
                ? "This enrolment was not bought (a free course, or granted): there is nothing to refund."
                : $"This enrolment is {row.Status.ToLowerInvariant()}.");
        }

        var terms = StoredJson.Read<SettlementTerms>(row.TermsJson);
        var line = StoredJson.Read<List<OrderLine>>(row.LinesJson).Single(l => l.CourseId == row.CourseId);
        var quote = terms.Refunds.Quote(line.PaidKrw, paidAt, clock.GetUtcNow(), WatchRules.Percent(row.CoveredMs, row.DurationMs));
        return new RefundQuoteDto(query.EnrollmentId, orderId, row.CourseId, terms.Refunds, paidAt, quote.ProgressPercent, quote.PaidKrw, quote.AmountKrw, quote.Rule);
    }

    private sealed record Row(
        Guid StudentId, Guid CourseId, string Status, Guid? OrderId, DateTimeOffset? PaidAt, string? TermsJson, string? LinesJson, long CoveredMs, long DurationMs);
}
