using System.Diagnostics;
using Dapper;
using LectureHub.Application.Observability;
using LectureHub.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LectureHub.Infrastructure.Outbox;

/// <summary>
/// Delivers committed domain events to their handlers. Safe with many API instances: each batch is claimed with
/// FOR UPDATE SKIP LOCKED and a lease, so two relays never take the same row. Delivery is at least once.
/// </summary>
internal sealed class OutboxRelay(
    DataSources dataSources,
    IServiceScopeFactory scopes,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    LectureHubMetrics metrics,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    /// <summary>
    /// Claims a batch with a lease: the rows' next attempt moves past the lease, in one short statement that commits
    /// at once. Delivery then runs outside any transaction, so a slow handler (SMTP, a purge waiting on a lock) never
    /// holds locks on the outbox; if this instance dies mid-delivery, the messages fall due again when the lease ends.
    /// </summary>
    private const string ClaimSql = """
        UPDATE outbox_messages m SET next_attempt_at = @LeaseEnds
        FROM (SELECT id FROM outbox_messages
              WHERE processed_at IS NULL AND next_attempt_at <= @Now
              ORDER BY occurred_at
              LIMIT @BatchSize
              FOR UPDATE SKIP LOCKED) due
        WHERE m.id = due.id
        RETURNING m.id AS "Id", m.type AS "Type", m.payload::text AS "Payload", m.attempts AS "Attempts", m.occurred_at AS "OccurredAt",
                  m.trace_parent AS "TraceParent"
        """;

    /// <summary>How long a claimed message is reserved for the instance delivering it.</summary>
    internal static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The longest one delivery may run: a handler still busy then (a hung SMTP server) is cancelled and the message
    /// retried later. A delivery starts only if it can finish inside the lease, so no message is ever delivered by two
    /// instances at once; what a slow batch leaves undelivered falls due again when its lease ends.
    /// </summary>
    internal static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(20);

    private const string DoneSql = "UPDATE outbox_messages SET processed_at = @Now, attempts = attempts + 1, last_error = NULL WHERE id = @Id";

    private const string FailedSql = """
        UPDATE outbox_messages SET attempts = attempts + 1, last_error = @Error, next_attempt_at = @NextAttemptAt WHERE id = @Id
        """;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromSeconds(options.Value.PollIntervalSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await ProcessBatchAsync(stoppingToken) == options.Value.BatchSize)
                {
                    // A full batch means more may be waiting: go again without sleeping.
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Outbox relay batch failed; retrying after the poll interval");
            }

            await signal.WaitAsync(poll, stoppingToken);
        }
    }

    /// <summary>Claims and delivers one batch; returns how many messages it claimed.</summary>
    internal async Task<int> ProcessBatchAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSources.Primary.OpenConnectionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var leaseEnds = now + Lease;
        var batch = (await connection.QueryAsync<PendingMessage>(new CommandDefinition(
            ClaimSql, new { Now = now, LeaseEnds = leaseEnds, options.Value.BatchSize }, cancellationToken: cancellationToken)))
            .OrderBy(m => m.OccurredAt).ToList();

        for (var i = 0; i < batch.Count; i++)
        {
            if (clock.GetUtcNow() + DeliveryTimeout > leaseEnds)
            {
                logger.LogWarning("Outbox batch ran out of lease; {Left} message(s) fall due again at {LeaseEnds}", batch.Count - i, leaseEnds);
                break;
            }

            var (sql, args) = await DeliverAsync(batch[i], cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(sql, args, cancellationToken: cancellationToken));
        }

        return batch.Count;
    }

    private async Task<(string Sql, object Args)> DeliverAsync(PendingMessage message, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        using var activity = StartDelivery(message);
        using var timeout = new CancellationTokenSource(DeliveryTimeout, clock);
        using var delivery = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var domainEvent = OutboxSerializer.FromMessage(message.Type, message.Payload);
            await using var scope = scopes.CreateAsyncScope();
            await DomainEventDispatcher.DispatchAsync(scope.ServiceProvider, domainEvent, delivery.Token);
            Count(message, "delivered");
            return (DoneSql, new { message.Id, Now = now });
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Any failure, a timed-out delivery included; only the host stopping is not the message's fault.
            var attempts = message.Attempts + 1;
            var parked = attempts >= options.Value.MaxAttempts;
            logger.LogError(ex, "Outbox message {MessageId} ({Type}) failed on attempt {Attempt}{Parked}",
                message.Id, message.Type, attempts, parked ? "; parked" : "");
            var next = parked ? Parked : now + Backoff(attempts);
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            Count(message, parked ? "parked" : "failed");
            return (FailedSql, new { message.Id, Error = ex.Message, NextAttemptAt = next });
        }
    }

    /// <summary>A span for one delivery, the child of the span that raised the event when the message carries it.</summary>
    private static Activity? StartDelivery(PendingMessage message)
    {
        ActivityContext.TryParse(message.TraceParent, null, out var parent);
        var activity = LectureHubMetrics.Activities.StartActivity($"outbox deliver {message.Type}", ActivityKind.Consumer, parent);
        activity?.SetTag("lecturehub.outbox.message_id", message.Id);
        activity?.SetTag("lecturehub.outbox.attempt", message.Attempts + 1);
        return activity;
    }

    private void Count(PendingMessage message, string outcome) =>
        metrics.OutboxDeliveries.Add(1, new KeyValuePair<string, object?>("event", message.Type), new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>Waits after the 1st, 2nd, 3rd and later failures; with the default MaxAttempts (5) the last is 1 h.</summary>
    private static readonly TimeSpan[] RetryDelays = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromHours(1)];

    /// <summary>A parked message's next attempt: never, until an Admin retries it (a dead letter).</summary>
    internal static readonly DateTimeOffset Parked = DateTimeOffset.MaxValue;

    internal static TimeSpan Backoff(int attempts) => RetryDelays[Math.Clamp(attempts, 1, RetryDelays.Length) - 1];

    private sealed record PendingMessage(Guid Id, string Type, string Payload, int Attempts, DateTimeOffset OccurredAt, string? TraceParent);
}
