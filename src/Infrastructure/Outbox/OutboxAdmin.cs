using Dapper;
using LectureHub.Application.Abstractions;
using LectureHub.Infrastructure.Persistence;

namespace LectureHub.Infrastructure.Outbox;

/// <summary>Dead letters are rows the relay parked: unprocessed, next attempt at infinity.</summary>
internal sealed class OutboxAdmin(AppDbContext db, DataSources sources, OutboxSignal signal, TimeProvider clock) : IOutboxAdmin
{
    public async Task<IReadOnlyList<DeadLetterDto>> ListDeadLettersAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await sources.Primary.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<DeadLetterDto>(new CommandDefinition("""
            SELECT id AS "Id", type AS "Type", payload::text AS "Payload", attempts AS "Attempts", last_error AS "LastError", occurred_at AS "OccurredAt"
            FROM outbox_messages WHERE processed_at IS NULL AND next_attempt_at = @Parked
            ORDER BY occurred_at LIMIT @Limit
            """, new { Parked = OutboxRelay.Parked, Limit = limit }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>In the command's transaction (the unit of work's), so the retry is part of the Admin's command.</summary>
    public async Task<bool> RetryAsync(Guid id, CancellationToken cancellationToken)
    {
        var retried = await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlAsync(db.Database,
            $"UPDATE outbox_messages SET attempts = 0, next_attempt_at = {clock.GetUtcNow()} WHERE id = {id} AND processed_at IS NULL AND next_attempt_at = {OutboxRelay.Parked}",
            cancellationToken) == 1;
        if (retried)
        {
            signal.Notify();
        }

        return retried;
    }
}
