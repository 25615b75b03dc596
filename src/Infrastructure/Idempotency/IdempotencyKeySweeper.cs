using Dapper;
using LectureHub.Infrastructure.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LectureHub.Infrastructure.Idempotency;

/// <summary>
/// Deletes idempotency keys past their retention, hourly, in batches, so the table holds about a day of keys. Safe
/// with many instances: each batch deletes what it finds, and a row deleted twice is simply gone.
/// </summary>
internal sealed class IdempotencyKeySweeper(DataSources sources, TimeProvider clock, ILogger<IdempotencyKeySweeper> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromHours(1);
    private const int BatchSize = 10_000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var swept = await SweepAsync(stoppingToken);
                if (swept > 0)
                {
                    logger.LogInformation("Deleted {Count} expired idempotency keys", swept);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Sweeping expired idempotency keys failed; trying again in {Interval}", Every);
            }

            await Task.Delay(Every, clock, stoppingToken);
        }
    }

    /// <summary>Deletes every key older than the retention; returns how many.</summary>
    internal async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var expired = clock.GetUtcNow() - IdempotencyStore.Retention;
        var total = 0;
        int deleted;
        do
        {
            await using var connection = await sources.Primary.OpenConnectionAsync(cancellationToken);
            deleted = await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM idempotency_keys WHERE ctid IN (SELECT ctid FROM idempotency_keys WHERE created_at < @Expired LIMIT @BatchSize)",
                new { Expired = expired, BatchSize }, cancellationToken: cancellationToken));
            total += deleted;
        }
        while (deleted == BatchSize);

        return total;
    }
}
