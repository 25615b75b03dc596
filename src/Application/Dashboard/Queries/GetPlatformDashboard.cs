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
    /// Ended days from their roll-up, the days after it live (<see cref="PlatformFacts"/>), then the few hundred rows
    /// grouped three ways at once: by day, by trade, and overall (<c>Level</c> says which). Learners are counted per day
    /// there; over the range, one learner on two days is one, so that total is its own count (<c>RangeLearners</c>):
    /// each learner counted on their first day in the range, from the roll-up's gaps on ended days (a gap reaching
    /// back before the range's start), and live for the days after, unless they learned earlier in the range.
    /// </summary>
    private const string Sql = $"""
        WITH facts AS (
            SELECT {PlatformFacts.Columns} FROM platform_days WHERE day >= @RangeFrom AND day <= @RolledTo
            UNION ALL
            {PlatformFacts.Sql}
        )
        SELECT GROUPING(f.day, f.category_id) AS "Level", f.day AS "Day", f.category_id AS "CategoryId",
               k.slug AS "Slug", k.label_ko AS "LabelKo", k.label_en AS "LabelEn",
               sum(f.sign_ups)::int AS "SignUps", sum(f.learners)::int AS "ActiveLearners", sum(f.sales)::int AS "Sales", sum(f.refunds)::int AS "Refunds",
               sum(f.gross_krw)::bigint AS "GrossKrw", sum(f.refunded_krw)::bigint AS "RefundedKrw", sum(f.commission_krw)::bigint AS "CommissionKrw",
               sum(f.enrolments)::int AS "Enrolments", sum(f.applications)::int AS "Applications",
               ((SELECT COALESCE(sum(g.learners), 0) FROM platform_learner_gaps g
                 WHERE g.day >= @RangeFrom AND g.day <= @RolledTo AND (g.days_since_previous IS NULL OR g.days_since_previous > g.day - @RangeFrom))
                + (SELECT count(DISTINCT t.student_id) FROM learner_days t WHERE t.day >= @FromDay AND t.day <= @ToDay
                   AND NOT EXISTS (SELECT 1 FROM learner_days p WHERE p.student_id = t.student_id AND p.day >= @RangeFrom AND p.day < @FromDay)))::int
               AS "RangeLearners"
        FROM facts f LEFT JOIN categories k ON k.id = f.category_id
        GROUP BY GROUPING SETS ((f.day), (f.category_id, k.slug, k.label_ko, k.label_en), ())
        """;

    public async ValueTask<PlatformDashboardDto> Handle(GetPlatformDashboardQuery query, CancellationToken cancellationToken)
    {
        var to = query.To ?? query.From?.AddDays(GetPlatformDashboardQuery.DefaultDays - 1) ?? KoreaTime.DayOf(clock.GetUtcNow());
        var from = query.From ?? to.AddDays(-(GetPlatformDashboardQuery.DefaultDays - 1));
        var rolledThrough = await db.QuerySingleOrDefaultAsync<DateOnly?>("SELECT max(day) FROM platform_days", null, cancellationToken)
            ?? DateOnly.MinValue;
        var live = rolledThrough < from ? from : rolledThrough.AddDays(1);
        var rows = await db.QueryAsync<Row>(Sql, new
        {
            RangeFrom = from, RolledTo = rolledThrough < to ? rolledThrough : to, FromDay = live, ToDay = to,
            Since = KoreaTime.StartOf(live), Until = KoreaTime.StartOf(to.AddDays(1)),
        }, cancellationToken);

        var days = rows.Where(r => r.Level == ByDay).ToDictionary(r => r.Day!.Value, r => r.Figures);
        var none = new PlatformFiguresDto(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        return new PlatformDashboardDto(
            from, to,
            rows.SingleOrDefault(r => r.Level == Overall) is { } overall ? overall.Figures with { ActiveLearners = overall.RangeLearners } : none,
            Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(i => from.AddDays(i))
                .Select(day => new PlatformDayDto(day, days.GetValueOrDefault(day, none))).ToList(),
            rows.Where(r => r.Level == ByTrade && r.HasTradeFigures).OrderByDescending(r => r.GrossKrw - r.RefundedKrw).ThenByDescending(r => r.Enrolments)
                .Select(r => r.Trade).ToList());
    }

    // GROUPING(day, category_id): a bit set for each column the row is not grouped by (day the high bit).
    private const int ByDay = 1, ByTrade = 2, Overall = 3;

    private sealed record Row(
        int Level, DateOnly? Day, Guid? CategoryId, string? Slug, string? LabelKo, string? LabelEn, int SignUps, int ActiveLearners, int Sales,
        int Refunds, long GrossKrw, long RefundedKrw, long CommissionKrw, int Enrolments, int Applications, int RangeLearners)
    {
        public PlatformFiguresDto Figures =>
            new(SignUps, ActiveLearners, Sales, Refunds, GrossKrw, RefundedKrw, GrossKrw - RefundedKrw, CommissionKrw, Enrolments, Applications);

        public bool HasTradeFigures => Sales + Refunds + Enrolments + Applications > 0;

        public TradeFiguresDto Trade =>
            new(CategoryId, Slug, LabelKo, LabelEn, Sales, Refunds, GrossKrw, RefundedKrw, GrossKrw - RefundedKrw, CommissionKrw, Enrolments, Applications);
    }
}
