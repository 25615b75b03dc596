using Dapper;
using LectureHub.Application.Abstractions;
using LectureHub.Domain.Common;
using LectureHub.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LectureHub.Infrastructure.Outbox;

/// <summary>
/// Delivers committed domain events to their handlers. Safe with many API instances: each batch is claimed with
/// FOR UPDATE SKIP LOCKED, so two relays never take the same row. Delivery is at least once.
/// </summary>
internal sealed class OutboxRelay(
    DataSources dataSources,
    IServiceScopeFactory scopes,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    private const string ClaimSql = """
        SELECT id AS "Id", type AS "Type", payload::text AS "Payload", attempts AS "Attempts"
        FROM outbox_messages
        WHERE processed_at IS NULL AND next_attempt_at <= @Now
        ORDER BY occurred_at
        LIMIT @BatchSize
        FOR UPDATE SKIP LOCKED
        """;

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
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var batch = (await connection.QueryAsync<PendingMessage>(new CommandDefinition(
            ClaimSql, new { Now = clock.GetUtcNow(), options.Value.BatchSize }, transaction, cancellationToken: cancellationToken))).AsList();

        foreach (var message in batch)
        {
            var (sql, args) = await DeliverAsync(message, cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(sql, args, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return batch.Count;
    }

    private async Task<(string Sql, object Args)> DeliverAsync(PendingMessage message, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        try
        {
            var domainEvent = OutboxSerializer.FromMessage(message.Type, message.Payload);
            await using var scope = scopes.CreateAsyncScope();
            await DomainEventDispatcher.DispatchAsync(scope.ServiceProvider, domainEvent, cancellationToken);
            return (DoneSql, new { message.Id, Now = now });
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var attempts = message.Attempts + 1;
            var parked = attempts >= options.Value.MaxAttempts;
            logger.LogError(ex, "Outbox message {MessageId} ({Type}) failed on attempt {Attempt}{Parked}",
                message.Id, message.Type, attempts, parked ? "; parked" : "");
            var next = parked ? Parked : now + Backoff(attempts);
            return (FailedSql, new { message.Id, Error = ex.Message, NextAttemptAt = next });
        }
    }

    /// <summary>Waits after the 1st, 2nd, 3rd and later failures; with the default MaxAttempts (5) the last is 1 h.</summary>
    private static readonly TimeSpan[] RetryDelays = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromHours(1)];

    /// <summary>A parked message's next attempt: never, until an Admin retries it (a dead letter).</summary>
    internal static readonly DateTimeOffset Parked = DateTimeOffset.MaxValue;

    internal static TimeSpan Backoff(int attempts) => RetryDelays[Math.Clamp(attempts, 1, RetryDelays.Length) - 1];

    private sealed record PendingMessage(Guid Id, string Type, string Payload, int Attempts);
}

internal static class DomainEventDispatcher
{
    private static readonly System.Reflection.MethodInfo DispatchTyped =
        typeof(DomainEventDispatcher).GetMethod(nameof(DispatchTypedAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;

    public static Task DispatchAsync(IServiceProvider services, IDomainEvent domainEvent, CancellationToken cancellationToken) =>
        (Task)DispatchTyped.MakeGenericMethod(domainEvent.GetType()).Invoke(null, [services, domainEvent, cancellationToken])!;

    private static async Task DispatchTypedAsync<TEvent>(IServiceProvider services, TEvent domainEvent, CancellationToken cancellationToken)
        where TEvent : IDomainEvent
    {
        foreach (var handler in services.GetServices<IDomainEventHandler<TEvent>>())
        {
            await handler.HandleAsync(domainEvent, cancellationToken);
        }
    }
}
