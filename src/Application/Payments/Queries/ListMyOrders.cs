using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Common;
using LectureHub.Domain.Payments;
using Mediator;

namespace LectureHub.Application.Payments.Queries;

/// <summary>The signed-in student's orders, newest first, keyset pages: lines with their discounts, payment, refunds and the frozen terms.</summary>
public sealed record ListMyOrdersQuery(string? Cursor = null, int Limit = 20) : IQuery<OrderPage>, IPagedQuery
{
    public static int MaxLimit => 100;
}

public sealed record OrderPage(IReadOnlyList<OrderDto> Items, string? NextCursor);

internal sealed class ListMyOrdersValidator : AbstractValidator<ListMyOrdersQuery>
{
    public ListMyOrdersValidator() => RuleFor(q => q.Cursor).ValidTimeKeyCursor();
}

/// <summary>An order as stored: its lines, refunds and terms are jsonb, read as text and parsed with the write side's own JSON options.</summary>
internal sealed record OrderRow(
    Guid Id, OrderStatus Status, long AmountKrw, string Name, string Lines, DateTimeOffset CreatedAt, DateTimeOffset? PaidAt, string Refunds, string Terms)
{
    public OrderDto ToDto()
    {
        var refunds = StoredJson.Read<List<OrderRefund>>(Refunds);
        return new OrderDto(Id, Status, AmountKrw, Name, StoredJson.Read<List<OrderLine>>(Lines), CreatedAt, PaidAt, Order.Refunded(refunds), refunds,
            StoredJson.Read<SettlementTerms>(Terms));
    }
}

internal sealed class ListMyOrdersHandler(IReadDb db, ICurrentUser currentUser) : IQueryHandler<ListMyOrdersQuery, OrderPage>
{
    private const string Sql = """
        SELECT id AS "Id", status AS "Status", amount_krw AS "AmountKrw", name AS "Name", lines::text AS "Lines", created_at AS "CreatedAt",
               paid_at AS "PaidAt", refunds::text AS "Refunds", terms::text AS "Terms"
        FROM orders
        WHERE student_id = @StudentId
        """;

    public async ValueTask<OrderPage> Handle(ListMyOrdersQuery query, CancellationToken cancellationToken)
    {
        var (rows, next) = await TimeKeyset.PageAsync<OrderRow>(
            db, Sql, "created_at", "id", new() { ["StudentId"] = currentUser.RequiredUserId }, query.Cursor, query.Limit, r => new(r.CreatedAt, r.Id), cancellationToken);
        return new OrderPage(rows.Select(r => r.ToDto()).ToList(), next);
    }
}
