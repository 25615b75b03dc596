using Dapper;
using LectureHub.Application.Observability;
using LectureHub.Infrastructure.Health;
using LectureHub.Infrastructure.Learning;
using LectureHub.Infrastructure.Outbox;
using LectureHub.Infrastructure.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace LectureHub.Infrastructure.Observability;

/// <summary>
/// Reads the state behind the gauges every <see cref="ObservabilityOptions.SampleSeconds"/>: one statement on the
/// primary (each part an index scan of pending rows), one list lookup in Redis, and the standby's lag. A scrape then
/// reads the last sample instead of querying, so scrapes (by any number of Prometheus servers) cost the database nothing.
/// </summary>
internal sealed class StateSampler(
    DataSources sources,
    WatchBuffer watchBuffer,
    LectureHubMetrics metrics,
    IOptions<ObservabilityOptions> options,
    TimeProvider clock,
    ILogger<StateSampler> logger) : BackgroundService
{
    private const string PrimarySql = """
        SELECT count(*) FILTER (WHERE next_attempt_at < @Parked) AS "Pending",
               coalesce(extract(epoch FROM @Now - min(occurred_at) FILTER (WHERE next_attempt_at < @Parked)), 0)::float8 AS "OldestAgeSeconds",
               count(*) FILTER (WHERE next_attempt_at = @Parked) AS "DeadLetters"
        FROM outbox_messages WHERE processed_at IS NULL;

        SELECT count(*) AS "Pending", coalesce(extract(epoch FROM @Now - min(received_at)), 0)::float8 AS "OldestAgeSeconds", 0::bigint AS "DeadLetters"
        FROM payment_webhooks WHERE processed_at IS NULL;

        SELECT CASE WHEN status = 'Running' AND lease_until < @Now THEN 'Stuck' ELSE status END AS "State", count(*) AS "Count"
        FROM transcode_jobs WHERE status IN ('Queued', 'Running') GROUP BY 1;
        """;

    /// <summary>States reported even when no job is in them, so a queue that empties reads 0 rather than vanishing.</summary>
    private static readonly string[] JobStates = ["Queued", "Running", "Stuck"];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromSeconds(options.Value.SampleSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SampleAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The gauges keep their last values, and lecturehub_sampled_at stops moving: an alert says so.
                logger.LogError(ex, "Sampling the gauges failed; retrying in {Seconds} s", every.TotalSeconds);
            }

            await Task.Delay(every, clock, stoppingToken);
        }
    }

    internal async Task SampleAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        Backlog outbox, webhooks;
        Dictionary<string, long> jobs;
        await using (var connection = await sources.Primary.OpenConnectionAsync(cancellationToken))
        await using (var results = await connection.QueryMultipleAsync(new CommandDefinition(PrimarySql,
            new { Now = now, OutboxRelay.Parked }, cancellationToken: cancellationToken)))
        {
            outbox = await results.ReadSingleAsync<Backlog>();
            webhooks = await results.ReadSingleAsync<Backlog>();
            var counted = (await results.ReadAsync<(string State, long Count)>()).ToDictionary(j => j.State, j => j.Count);
            jobs = JobStates.ToDictionary(s => s, s => counted.GetValueOrDefault(s));
        }

        var buffered = await watchBuffer.PendingAsync();
        var oldestHeartbeat = await watchBuffer.OldestAsync();
        var lag = await StandbyLagOrNullAsync(cancellationToken);
        metrics.Sampled = new SampledState(
            outbox.Pending, outbox.OldestAgeSeconds, outbox.DeadLetters,
            webhooks.Pending, webhooks.OldestAgeSeconds,
            buffered, oldestHeartbeat is { } at ? Math.Max(0, (now - at).TotalSeconds) : 0,
            jobs,
            lag is not null, lag?.Seconds ?? 0, lag?.Bytes ?? 0,
            now.ToUnixTimeSeconds());
    }

    private async Task<StandbyLag.Reading?> StandbyLagOrNullAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await StandbyLag.ReadAsync(sources, cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            logger.LogWarning("The standby could not be reached for its lag: {Error}", ex.Message);
            return null;
        }
    }

    private sealed record Backlog(long Pending, double OldestAgeSeconds, long DeadLetters);
}
