using LectureHub.Application.Learning.Commands;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LectureHub.Infrastructure.Learning;

/// <summary>
/// Moves buffered heartbeats into PostgreSQL in batches: back to back while there is a backlog, then every
/// FlushIntervalMs. On shutdown it keeps flushing until the buffer is empty (the web server has stopped taking
/// heartbeats by then: it stops first), so a deploy loses nothing that was acknowledged. Safe with many instances.
/// </summary>
internal sealed class WatchProgressFlusher(
    WatchBuffer buffer, IServiceScopeFactory scopes, IOptions<WatchProgressOptions> options, TimeProvider clock, ILogger<WatchProgressFlusher> logger)
    : BackgroundService
{
    /// <summary>How long a shutdown may spend draining before it gives up (what is left stays buffered for the next start).</summary>
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(20);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var flushed = 0;
            try
            {
                flushed = await FlushOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The batch stays leased in Redis and is redelivered when its lease runs out; nothing is lost.
                logger.LogError(ex, "Flushing watch progress failed; the batch is retried after its lease");
            }

            if (flushed < options.Value.BatchSize)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(options.Value.FlushIntervalMs), clock, stoppingToken);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(DrainLimit);
        try
        {
            var drained = await FlushAllAsync(limit.Token);
            logger.LogInformation("Watch progress: {Count} buffered heartbeats flushed at shutdown", drained);
        }
        catch (Exception ex)
        {
            // Nothing is lost: what is left stays in Redis (and a claimed batch under its lease) for the next instance.
            logger.LogError(ex, "Watch progress: the shutdown flush stopped early; {Pending} heartbeats stay buffered in Redis",
                await PendingOrUnknownAsync());
        }
    }

    private async Task<string> PendingOrUnknownAsync()
    {
        try
        {
            return (await buffer.PendingAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (Caching.RedisOutage.Is(ex))
        {
            return "an unknown number of";
        }
    }

    /// <summary>Flushes until the queue is empty; returns how many records went to the database.</summary>
    public async Task<int> FlushAllAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        int flushed;
        while ((flushed = await FlushOnceAsync(cancellationToken)) > 0 || await buffer.PendingAsync() > 0)
        {
            total += flushed;
        }

        return total;
    }

    /// <summary>Claims one batch, merges it in one transaction, then acknowledges it. Returns the records merged (0 when idle).</summary>
    internal async Task<int> FlushOnceAsync(CancellationToken cancellationToken)
    {
        if (await buffer.ClaimAsync() is not { } batch)
        {
            return 0;
        }

        if (batch.Records.Count > 0)
        {
            await using var scope = scopes.CreateAsyncScope();
            var certificates = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new MergeWatchedIntervalsCommand(batch.Records), cancellationToken);
            logger.LogDebug("Watch batch {BatchId}: {Count} heartbeats merged, {Certificates} certificates issued", batch.Id, batch.Records.Count, certificates);
        }

        await buffer.AcknowledgeAsync(batch.Id);
        return Math.Max(batch.Records.Count, 1);
    }
}
