using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Common;
using LectureHub.Domain.Users;
using Mediator;

namespace LectureHub.Application.Payments.Queries;

/// <summary>
/// The signed-in instructor's coupons (an Admin's: the platform's), newest first, keyset pages, each with its use:
/// orders that took it, of those the paid ones, and the discount they were given.
/// </summary>
public sealed record ListMyCouponsQuery(string? Cursor = null, int Limit = 50) : IQuery<CouponPage>, IPagedQuery
{
    public static int MaxLimit => 200;
}

public sealed record CouponUsageDto(
    Guid Id, string Code, int? PercentOff, long? AmountOffKrw, DateTimeOffset ValidFrom, DateTimeOffset ValidUntil, int UsageCap, int Redemptions,
    DateTimeOffset? DisabledAt, DateTimeOffset CreatedAt, int PaidOrders, long DiscountGivenKrw);

public sealed record CouponPage(IReadOnlyList<CouponUsageDto> Items, string? NextCursor);

internal sealed class ListMyCouponsValidator : AbstractValidator<ListMyCouponsQuery>
{
    public ListMyCouponsValidator() => RuleFor(q => q.Cursor).ValidTimeKeyCursor();
}

internal sealed class ListMyCouponsHandler(IReadDb db, ICurrentUser currentUser) : IQueryHandler<ListMyCouponsQuery, CouponPage>
{
    private const string Sql = """
        SELECT c.id AS "Id", c.code AS "Code", c.percent_off AS "PercentOff", c.amount_off_krw AS "AmountOffKrw", c.valid_from AS "ValidFrom",
               c.valid_until AS "ValidUntil", c.usage_cap AS "UsageCap", c.redemptions AS "Redemptions", c.disabled_at AS "DisabledAt",
               c.created_at AS "CreatedAt", used.paid AS "PaidOrders", used.discount AS "DiscountGivenKrw"
        FROM coupons c
        CROSS JOIN LATERAL (
            SELECT count(*)::int AS paid,
                   COALESCE(SUM((SELECT SUM((l ->> 'discountKrw')::bigint) FROM jsonb_array_elements(o.lines) l)), 0)::bigint AS discount
            FROM orders o
            WHERE o.coupon_id = c.id AND o.status IN ('Paid', 'PartiallyRefunded', 'Refunded')) used
        WHERE c.instructor_id IS NOT DISTINCT FROM @InstructorId
        """;

    public async ValueTask<CouponPage> Handle(ListMyCouponsQuery query, CancellationToken cancellationToken)
    {
        // An Admin's coupons are the platform's (no instructor); an instructor's, their own.
        Guid? owner = currentUser.Role == Role.Admin ? null : currentUser.RequiredUserId;
        var (rows, next) = await TimeKeyset.PageAsync<CouponUsageDto>(
            db, Sql, "c.created_at", "c.id", new() { ["InstructorId"] = owner }, query.Cursor, query.Limit, c => new(c.CreatedAt, c.Id), cancellationToken);
        return new CouponPage(rows, next);
    }
}
