using LectureHub.Application.Abstractions;
using Mediator;

namespace LectureHub.Application.Payments.Queries;

/// <summary>Admins: payments no rule could settle (amount mismatches, money taken for closed orders…), newest first.</summary>
public sealed record ListPaymentAnomaliesQuery : IQuery<IReadOnlyList<PaymentAnomalyDto>>;

public sealed record PaymentAnomalyDto(Guid Id, string PaymentKey, Guid? OrderId, string Kind, string Detail, DateTimeOffset FoundAt);

internal sealed class ListPaymentAnomaliesHandler(IReadDb db) : IQueryHandler<ListPaymentAnomaliesQuery, IReadOnlyList<PaymentAnomalyDto>>
{
    private const string Sql = """
        SELECT id AS "Id", payment_key AS "PaymentKey", order_id AS "OrderId", kind AS "Kind", detail AS "Detail", found_at AS "FoundAt"
        FROM payment_anomalies ORDER BY found_at DESC LIMIT 500
        """;

    public async ValueTask<IReadOnlyList<PaymentAnomalyDto>> Handle(ListPaymentAnomaliesQuery query, CancellationToken cancellationToken) =>
        await db.Primary.QueryAsync<PaymentAnomalyDto>(Sql, null, cancellationToken);
}
