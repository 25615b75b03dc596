using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Domain.Common;
using Mediator;

namespace LectureHub.Application.Dashboard.Queries;

/// <summary>
/// Admins: the platform day by day and trade by trade over a range of Korea-time days (both ends included; 30 days,
/// to today unless a start is given, by default). Money is the ledger's: <c>GrossKrw</c> what students paid, <c>RefundedKrw</c> what
/// went back, <c>NetRevenueKrw</c> the difference, <c>CommissionKrw</c> the platform's share of it; <c>Sales</c> and
/// <c>Refunds</c> count order lines. The days, and the trades, sum to the totals.
/// </summary>
public sealed record GetPlatformDashboardQuery(DateOnly? From = null, DateOnly? To = null) : IQuery<PlatformDashboardDto>
{
    public const int MaxDays = 366, DefaultDays = 30;
}

public sealed record PlatformDashboardDto(
    DateOnly From, DateOnly To, PlatformFiguresDto Totals, IReadOnlyList<PlatformDayDto> Days, IReadOnlyList<TradeFiguresDto> Trades);

/// <summary>
/// <c>ActiveLearners</c>: students who watched a lecture (over a range, each counted once); <c>Enrolments</c> every
/// new one, free or paid; <c>Applications</c> to cohorts.
/// </summary>
public sealed record PlatformFiguresDto(
    int SignUps, int ActiveLearners, int Sales, int Refunds, long GrossKrw, long RefundedKrw, long NetRevenueKrw, long CommissionKrw,
    int Enrolments, int Applications);

public sealed record PlatformDayDto(DateOnly Day, PlatformFiguresDto Figures);

/// <summary>A trade's (category's) share; <c>CategoryId</c> null for cohorts in no trade. Sign-ups and learners belong to no trade.</summary>
public sealed record TradeFiguresDto(
    Guid? CategoryId, string? Slug, string? LabelKo, string? LabelEn, int Sales, int Refunds, long GrossKrw, long RefundedKrw, long NetRevenueKrw,
    long CommissionKrw, int Enrolments, int Applications);

internal sealed class GetPlatformDashboardValidator : AbstractValidator<GetPlatformDashboardQuery>
{
    public GetPlatformDashboardValidator()
    {
        RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).When(q => q.From is not null && q.To is not null).WithMessage("to must not be before from.");
        RuleFor(q => q.From)
            .Must((q, from) => q.To!.Value.DayNumber - from!.Value.DayNumber < GetPlatformDashboardQuery.MaxDays)
            .When(q => q.From is not null && q.To is not null && q.To >= q.From)
            .WithMessage($"A range is at most {GetPlatformDashboardQuery.MaxDays} days.");
    }
}

internal sealed class GetPlatformDashboardHandler(IReadDb db, TimeProvider clock) : IQueryHandler<GetPlatformDashboardQuery, PlatformDashboardDto>
{
    /// <summary>
    /// Every fact in the range as a row of (day, trade, measures), grouped three ways in one pass: by day, by trade,
    /// and overall (<c>Level</c> says which). A ledger leg's trade is its course's or its cohort's.
    /// </summary>
    private const string Sql = """
        WITH facts AS (
            SELECT (l.occurred_at AT TIME ZONE 'Asia/Seoul')::date AS day, COALESCE(c.category_id, h.category_id) AS category_id,
                   CASE WHEN l.kind = 'Sale' THEN l.transaction_id END AS sale, CASE WHEN l.kind = 'Refund' THEN l.transaction_id END AS refund,
                   CASE WHEN l.kind = 'Sale' AND l.account IN ('GatewayReceivable', 'GatewayFees') THEN l.amount_krw ELSE 0 END AS gross,
                   CASE WHEN l.kind = 'Refund' AND l.account IN ('GatewayReceivable', 'GatewayFees') THEN -l.amount_krw ELSE 0 END AS refunded,
                   CASE WHEN l.account = 'Commission' THEN -l.amount_krw ELSE 0 END AS commission,
                   NULL::uuid AS signup, NULL::uuid AS learner, NULL::uuid AS enrolment, NULL::uuid AS application
            FROM ledger_entries l
            LEFT JOIN courses c ON c.id = l.course_id
            LEFT JOIN cohorts h ON h.id = l.cohort_id
            WHERE l.occurred_at >= @Since AND l.occurred_at < @Until AND l.kind <> 'Payout'
            UNION ALL
            SELECT (u.created_at AT TIME ZONE 'Asia/Seoul')::date, NULL, NULL, NULL, 0, 0, 0, u.id, NULL, NULL, NULL
            FROM users u WHERE u.created_at >= @Since AND u.created_at < @Until
            UNION ALL
            SELECT d.day, NULL, NULL, NULL, 0, 0, 0, NULL, d.student_id, NULL, NULL
            FROM learner_days d WHERE d.day >= @FromDay AND d.day <= @ToDay
            UNION ALL
            SELECT (e.enrolled_at AT TIME ZONE 'Asia/Seoul')::date, c.category_id, NULL, NULL, 0, 0, 0, NULL, NULL, e.id, NULL
            FROM enrollments e JOIN courses c ON c.id = e.course_id WHERE e.enrolled_at >= @Since AND e.enrolled_at < @Until
            UNION ALL
            SELECT (a.applied_at AT TIME ZONE 'Asia/Seoul')::date, h.category_id, NULL, NULL, 0, 0, 0, NULL, NULL, NULL, a.id
            FROM cohort_applications a JOIN cohorts h ON h.id = a.cohort_id WHERE a.applied_at >= @Since AND a.applied_at < @Until
        )
        SELECT GROUPING(f.day, f.category_id) AS "Level", f.day AS "Day", f.category_id AS "CategoryId",
               k.slug AS "Slug", k.label_ko AS "LabelKo", k.label_en AS "LabelEn",
               count(DISTINCT f.signup)::int AS "SignUps", count(DISTINCT f.learner)::int AS "ActiveLearners",
               count(DISTINCT f.sale)::int AS "Sales", count(DISTINCT f.refund)::int AS "Refunds",
               sum(f.gross)::bigint AS "GrossKrw", sum(f.refunded)::bigint AS "RefundedKrw", sum(f.commission)::bigint AS "CommissionKrw",
               count(DISTINCT f.enrolment)::int AS "Enrolments", count(DISTINCT f.application)::int AS "Applications"
        FROM facts f LEFT JOIN categories k ON k.id = f.category_id
        GROUP BY GROUPING SETS ((f.day), (f.category_id, k.slug, k.label_ko, k.label_en), ())
        """;

    public async ValueTask<PlatformDashboardDto> Handle(GetPlatformDashboardQuery query, CancellationToken cancellationToken)
    {
        var to = query.To ?? query.From?.AddDays(GetPlatformDashboardQuery.DefaultDays - 1) ?? KoreaTime.DayOf(clock.GetUtcNow());
        var from = query.From ?? to.AddDays(-(GetPlatformDashboardQuery.DefaultDays - 1));
        var rows = await db.QueryAsync<Row>(Sql, new
        {
            FromDay = from, ToDay = to, Since = KoreaTime.StartOf(from), Until = KoreaTime.StartOf(to.AddDays(1)),
        }, cancellationToken);

        var days = rows.Where(r => r.Level == ByDay).ToDictionary(r => r.Day!.Value, r => r.Figures);
        var none = new PlatformFiguresDto(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        return new PlatformDashboardDto(
            from, to,
            rows.SingleOrDefault(r => r.Level == Overall)?.Figures ?? none,
            Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(i => from.AddDays(i))
                .Select(day => new PlatformDayDto(day, days.GetValueOrDefault(day, none))).ToList(),
            rows.Where(r => r.Level == ByTrade && r.HasTradeFigures).OrderByDescending(r => r.GrossKrw - r.RefundedKrw).ThenByDescending(r => r.Enrolments)
                .Select(r => r.Trade).ToList());
    }

    // GROUPING(day, category_id): a bit set for each column the row is not grouped by (day the high bit).
    private const int ByDay = 1, ByTrade = 2, Overall = 3;

    private sealed record Row(
        int Level, DateOnly? Day, Guid? CategoryId, string? Slug, string? LabelKo, string? LabelEn, int SignUps, int ActiveLearners, int Sales,
        int Refunds, long GrossKrw, long RefundedKrw, long CommissionKrw, int Enrolments, int Applications)
    {
        public PlatformFiguresDto Figures =>
            new(SignUps, ActiveLearners, Sales, Refunds, GrossKrw, RefundedKrw, GrossKrw - RefundedKrw, CommissionKrw, Enrolments, Applications);

        public bool HasTradeFigures => Sales + Refunds + Enrolments + Applications > 0;

        public TradeFiguresDto Trade =>
            new(CategoryId, Slug, LabelKo, LabelEn, Sales, Refunds, GrossKrw, RefundedKrw, GrossKrw - RefundedKrw, CommissionKrw, Enrolments, Applications);
    }
}
