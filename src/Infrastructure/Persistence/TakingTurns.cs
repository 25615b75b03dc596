using Microsoft.EntityFrameworkCore;

namespace LectureHub.Infrastructure.Persistence;

/// <summary>Work any number of instances may run, one at a time: a transaction under a PostgreSQL advisory lock.</summary>
internal static class TakingTurns
{
    /// <summary>
    /// Runs <paramref name="work"/> in a transaction that holds <paramref name="advisoryLock"/> and commits it; null,
    /// without running it, when another instance holds the turn. Retried as a whole by the execution strategy.
    /// </summary>
    public static Task<T?> InTurnAsync<T>(this AppDbContext db, long advisoryLock, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
        where T : struct =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (!(await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({advisoryLock}) AS \"Value\"").ToListAsync(ct)).Single())
            {
                return (T?)null;
            }

            var result = await work(ct);
            await transaction.CommitAsync(ct);
            return result;
        }, cancellationToken);
}
