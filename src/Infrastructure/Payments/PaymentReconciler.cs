using Dapper;
using LectureHub.Application.Observability;
using LectureHub.Application.Payments.Commands;
using LectureHub.Infrastructure.Persistence;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LectureHub.Infrastructure.Payments;

/// <summary>
/// Every minute, asks the gateway about PENDING orders older than AfterMinutes and settles them
/// (<see cref="ReconcileOrderWorkflow"/>), and finishes refunds requested that long ago and never completed (the
/// gateway did not answer, or we crashed after it did) by asking again with the refund's idempotency key
/// (<see cref="ProcessRefundWorkflow"/>). Instances may overlap: both are idempotent. A failure is logged and the
/// order is simply looked at again on the next pass.
/// </summary>
internal sealed class PaymentReconciler(
    DataSources sources, IServiceScopeFactory scopes, IOptions<ReconciliationOptions> options, TimeProvider clock, LectureHubMetrics metrics,
    ILogger<PaymentReconciler> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ReconcileAsync(TimeSpan.FromMinutes(options.Value.AfterMinutes), stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Payment reconciliation failed; trying again in {Seconds} s", options.Value.EverySeconds);
            }

            await Task.Delay(TimeSpan.FromSeconds(options.Value.EverySeconds), clock, stoppingToken);
        }
    }

    /// <summary>Settles PENDING orders older than <paramref name="olderThan"/>; returns the outcomes.</summary>
    internal async Task<IReadOnlyList<SettleOutcome>> ReconcileAsync(TimeSpan olderThan, CancellationToken cancellationToken)
    {
        List<Guid> pending;
        await using (var connection = await sources.Primary.OpenConnectionAsync(cancellationToken))
        {
            pending = (await connection.QueryAsync<Guid>(new CommandDefinition(
                "SELECT id FROM orders WHERE status = 'Pending' AND created_at <= @Before ORDER BY created_at LIMIT 500",
                new { Before = clock.GetUtcNow() - olderThan }, cancellationToken: cancellationToken))).ToList();
        }

        var outcomes = new List<SettleOutcome>();
        foreach (var order in pending)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var outcome = await scope.ServiceProvider.GetRequiredService<ISender>()
                    .Send(new ReconcileOrderWorkflow(order, TimeSpan.FromMinutes(options.Value.ExpireAfterMinutes)), cancellationToken);
                outcomes.Add(outcome);
                Fixed(outcome.ToString());
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Order {OrderId} could not be reconciled; it is looked at again on the next pass", order);
            }
        }

        if (pending.Count > 0)
        {
            logger.LogInformation("Reconciled {Count} pending orders: {Outcomes}", pending.Count, string.Join(", ", outcomes.GroupBy(o => o).Select(g => $"{g.Count()} {g.Key}")));
        }

        await FinishRefundsAsync(olderThan, cancellationToken);
        return outcomes;
    }

    /// <summary>Completes refunds still requested after <paramref name="olderThan"/>; returns how many completed.</summary>
    internal async Task<int> FinishRefundsAsync(TimeSpan olderThan, CancellationToken cancellationToken)
    {
        List<(Guid OrderId, Guid RefundId)> stuck;
        await using (var connection = await sources.Primary.OpenConnectionAsync(cancellationToken))
        {
            stuck = (await connection.QueryAsync<(Guid, Guid)>(new CommandDefinition(
                """
                SELECT o.id, (r->>'id')::uuid
                FROM orders o, jsonb_array_elements(o.refunds) r
                WHERE o.refunds @> '[{"status": "Requested"}]' AND r->>'status' = 'Requested' AND (r->>'requestedAt')::timestamptz <= @Before
                LIMIT 500
                """,
                new { Before = clock.GetUtcNow() - olderThan }, cancellationToken: cancellationToken))).ToList();
        }

        var completed = 0;
        foreach (var (orderId, refundId) in stuck)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ISender>().Send(new ProcessRefundWorkflow(orderId, refundId, "환불 재처리"), cancellationToken);
                completed++;
                Fixed(LectureHubMetrics.RefundFinished);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Refund {RefundId} of order {OrderId} could not be finished; it is looked at again on the next pass", refundId, orderId);
            }
        }

        return completed;
    }

    /// <summary>A pending order whose gateway still waits is no fix; everything else the reconciler did is.</summary>
    private void Fixed(string outcome)
    {
        if (outcome != nameof(SettleOutcome.Waiting))
        {
            metrics.ReconciliationFixes.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        }
    }
}
