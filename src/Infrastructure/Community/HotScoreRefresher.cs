using LectureHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LectureHub.Infrastructure.Community;

/// <summary>
/// The "hot" sort's score: a post's reactions and visible comments of the last HotWindowDays, recomputed every
/// HotRefreshSeconds for the posts that have any and those that had some (to bring them back to zero). A stored
/// score keeps the sort an index walk; it lags by at most one refresh. Instances take turns under an advisory lock.
/// </summary>
internal sealed class HotScoreRefresher(IServiceScopeFactory scopes, IOptions<CommunityOptions> options, TimeProvider clock, ILogger<HotScoreRefresher> logger)
    : BackgroundService
{
    private const long AdvisoryLock = 0x4C48_484F_5400; // LHHOT in ASCII

    private const string RefreshSql = """
        WITH recent AS (
            SELECT post_id, count(*)::int AS n FROM (
                SELECT post_id FROM post_reactions WHERE reacted_at >= @since
                UNION ALL
                SELECT post_id FROM comments WHERE created_at >= @since AND deleted_at IS NULL AND NOT is_hidden) a
            GROUP BY post_id),
        scores AS (
            SELECT coalesce(r.post_id, s.post_id) AS post_id, coalesce(r.n, 0) AS n
            FROM recent r FULL JOIN (SELECT post_id FROM post_stats WHERE hot_score > 0) s ON s.post_id = r.post_id)
        UPDATE post_stats s SET hot_score = scores.n
        FROM scores
        WHERE s.post_id = scores.post_id AND s.hot_score <> scores.n
        """;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Refreshing hot scores failed; the next round tries again");
            }

            await Task.Delay(TimeSpan.FromSeconds(options.Value.HotRefreshSeconds), clock, stoppingToken);
        }
    }

    /// <summary>One refresh; returns the posts whose score changed, or null when another instance holds the turn.</summary>
    public async Task<int?> RefreshAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.InTurnAsync(AdvisoryLock, async ct =>
        {
            var since = clock.GetUtcNow() - TimeSpan.FromDays(options.Value.HotWindowDays);
            var changed = await db.Database.ExecuteSqlRawAsync(RefreshSql, [new Npgsql.NpgsqlParameter<DateTimeOffset>("since", since)], ct);
            logger.LogDebug("Hot scores: {Changed} posts changed", changed);
            return changed;
        }, cancellationToken);
    }
}
