using LectureHub.Application.Abstractions;
using LectureHub.Application.Common;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Domain.Payments;
using Mediator;

namespace LectureHub.Application.Cohorts.Queries;

/// <summary>
/// What refunding a paid cohort fee returns now: the policy frozen on its order, as for courses, with nothing watched
/// (so within the policy's windows, everything), and nothing once the class has started.
/// </summary>
public sealed record GetCohortRefundQuoteQuery(Guid CohortId, Guid ApplicationId) : IQuery<CohortRefundQuoteDto>;

public sealed record CohortRefundQuoteDto(
    Guid ApplicationId, Guid OrderId, Guid CohortId, RefundPolicy Policy, DateTimeOffset PaidAt, DateTimeOffset ClassStartsAt, long PaidKrw, long AmountKrw,
    RefundRule Rule)
{
    public bool Refundable => AmountKrw > 0;
}

internal sealed class GetCohortRefundQuoteHandler(IReadDb db, ICurrentUser currentUser, TimeProvider clock) : IQueryHandler<GetCohortRefundQuoteQuery, CohortRefundQuoteDto>
{
    private const string Sql = """
        SELECT a.student_id AS "StudentId", a.status AS "Status", a.paid_at AS "SeatPaidAt", a.order_id AS "OrderId", o.paid_at AS "PaidAt",
               o.terms::text AS "TermsJson", o.lines::text AS "LinesJson", c.class_starts_at AS "ClassStartsAt"
        FROM cohort_applications a
        JOIN cohorts c ON c.id = a.cohort_id
        LEFT JOIN orders o ON o.id = a.order_id
        WHERE a.id = @ApplicationId AND a.cohort_id = @CohortId
        """;

    public async ValueTask<CohortRefundQuoteDto> Handle(GetCohortRefundQuoteQuery query, CancellationToken cancellationToken)
    {
        // The primary: a payment just recorded must be seen.
        var row = await db.Primary.QuerySingleOrDefaultAsync<Row>(Sql, new { query.ApplicationId, query.CohortId }, cancellationToken);
        if (row is null || row.StudentId != currentUser.UserId)
        {
            throw CohortAccess.ApplicationNotFound(query.ApplicationId);
        }

        if (row is not { Status: "Approved", SeatPaidAt: not null, OrderId: { } orderId, PaidAt: { } paidAt, TermsJson: { } termsJson, LinesJson: { } linesJson })
        {
            throw new ConflictException("APPLICATION_NOT_REFUNDABLE", "Only a paid seat can be refunded; this application has no fee paid.");
        }

        var terms = StoredJson.Read<SettlementTerms>(termsJson);
        var paid = StoredJson.Read<List<OrderLine>>(linesJson).Single(l => l.CohortId == query.CohortId).PaidKrw;
        var now = clock.GetUtcNow();
        var quote = now >= row.ClassStartsAt ? new RefundQuote(terms.Refunds.Version, 0, paid, 0, RefundRule.None) : terms.Refunds.Quote(paid, paidAt, now, 0);
        return new CohortRefundQuoteDto(query.ApplicationId, orderId, query.CohortId, terms.Refunds, paidAt, row.ClassStartsAt, paid, quote.AmountKrw, quote.Rule);
    }

    private sealed record Row(
        Guid StudentId, string Status, DateTimeOffset? SeatPaidAt, Guid? OrderId, DateTimeOffset? PaidAt, string? TermsJson, string? LinesJson, DateTimeOffset ClassStartsAt);
}
