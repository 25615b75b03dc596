using LectureHub.Application.Dashboard;
using LectureHub.Domain.Common;
using LectureHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace LectureHub.Infrastructure.Dashboard;

/// <summary>
/// Rolls every ended Korea-time day (RollupGraceMinutes after its midnight) into <c>platform_days</c>, and its
/// learners by gap into <c>platform_learner_gaps</c>, once: facts
/// carry the time they were written, so an ended day no longer changes. The first round rolls up everything since
/// the first fact. Instances take turns under an advisory lock; the dashboard computes the days after the latest
/// rolled-up one live, so a late or failed round costs time, never figures.
/// </summary>
internal sealed class PlatformDayRollup(IServiceScopeFactory scopes, IOptions<DashboardOptions> options, TimeProvider clock, ILogger<PlatformDayRollup> logger)
    : BackgroundService
{
    internal const long AdvisoryLock = 0x4C48_4441_5900; // LHDAY in ASCII

    private const string FirstDaySql = """
        SELECT (least((SELECT min(created_at) FROM users), (SELECT min(occurred_at) FROM ledger_entries), (SELECT min(enrolled_at) FROM enrollments),
                      (SELECT min(applied_at) FROM cohort_applications), (SELECT min(day) FROM learner_days)::timestamp AT TIME ZONE 'Asia/Seoul')
                AT TIME ZONE 'Asia/Seoul')::date AS "Value"
        """;

    // Every day gets its no-trade row, zeros if nothing happened, which marks it rolled up.
    private const string RollupSql = $"""
        INSERT INTO platform_days ({PlatformFacts.Columns})
        SELECT day, category_id, sum(sign_ups), sum(learners), sum(sales), sum(refunds), sum(gross_krw), sum(refunded_krw), sum(commission_krw),
               sum(enrolments), sum(applications)
        FROM ({PlatformFacts.Sql}
              UNION ALL
              SELECT d::date, NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0 FROM generate_series(@FromDay::date, @ToDay::date, interval '1 day') d) f
        GROUP BY day, category_id
        """;

    // Each learner-day with the gap since the student's previous one (an index probe per row).
    private const string LearnerGapsSql = """
        INSERT INTO platform_learner_gaps (day, days_since_previous, learners)
        SELECT t.day, t.day - prev.day, count(*)
        FROM learner_days t
        CROSS JOIN LATERAL (SELECT max(p.day) AS day FROM learner_days p WHERE p.student_id = t.student_id AND p.day < t.day) prev
        WHERE t.day >= @FromDay AND t.day <= @ToDay
        GROUP BY 1, 2
        """;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RollupAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Rolling up the dashboard's days failed; the next round tries again");
            }

            await Task.Delay(TimeSpan.FromSeconds(options.Value.RollupEverySeconds), clock, stoppingToken);
        }
    }

    /// <summary>One round; returns the days rolled up (0 when none had ended), or null when another instance holds the turn.</summary>
    public async Task<int?> RollupAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.InTurnAsync(AdvisoryLock, async ct =>
        {
            var last = await db.PlatformDays.MaxAsync(d => (DateOnly?)d.Day, ct);
            var first = last?.AddDays(1) ?? (await db.Database.SqlQueryRaw<DateOnly?>(FirstDaySql).ToListAsync(ct)).Single();
            var through = KoreaTime.DayOf(clock.GetUtcNow() - TimeSpan.FromMinutes(options.Value.RollupGraceMinutes)).AddDays(-1);
            if (first is not { } from || from > through)
            {
                return 0;
            }

            await db.Database.ExecuteSqlRawAsync(RollupSql, [
                new NpgsqlParameter<DateTimeOffset>("Since", KoreaTime.StartOf(from)), new NpgsqlParameter<DateTimeOffset>("Until", KoreaTime.StartOf(through.AddDays(1))),
                new NpgsqlParameter<DateOnly>("FromDay", from), new NpgsqlParameter<DateOnly>("ToDay", through)], ct);
            await db.Database.ExecuteSqlRawAsync(LearnerGapsSql, [new NpgsqlParameter<DateOnly>("FromDay", from), new NpgsqlParameter<DateOnly>("ToDay", through)], ct);
            var days = through.DayNumber - from.DayNumber + 1;
            logger.LogInformation("Dashboard: rolled up {Days} days, {From} to {Through}", days, from, through);
            return days;
        }, cancellationToken);
    }
}
