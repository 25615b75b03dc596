using Dapper;
using LectureHub.Application.Abstractions;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace LectureHub.Infrastructure.Persistence;

internal sealed class ReadDb(DataSources sources, IReadConsistency consistency, ILogger<ReadDb> logger) : IReadDb
{
    private const int MaxAttempts = 3;

    private enum Route
    {
        /// <summary>A standby, or the primary for a caller within the read-your-writes window (then as CacheFill).</summary>
        Replica,
        Primary,
        CacheFill,
    }

    private Route _route;
    private ReadDb? _primary;
    private ReadDb? _cacheFill;

    public IReadDb Primary => _primary ??= new ReadDb(sources, consistency, logger) { _route = Route.Primary };

    public IReadDb CacheFill => _cacheFill ??= new ReadDb(sources, consistency, logger) { _route = Route.CacheFill };

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters, CancellationToken cancellationToken) =>
        (await RunAsync(c => c.QueryAsync<T>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)), cancellationToken)).AsList();

    public Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? parameters, CancellationToken cancellationToken) =>
        RunAsync(c => c.QuerySingleOrDefaultAsync<T>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)), cancellationToken);

    private async Task<TResult> RunAsync<TResult>(Func<NpgsqlConnection, Task<TResult>> query, CancellationToken cancellationToken)
    {
        var route = _route == Route.Replica && await consistency.MustReadOwnWritesAsync(cancellationToken) ? Route.CacheFill : _route;
        var (source, name) = route == Route.Replica ? (sources.Replica, "replica") : (sources.Primary, "primary");
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = await source.OpenConnectionAsync(cancellationToken);
                return await query(connection);
            }
            catch (NpgsqlException ex) when ((ex.IsTransient || source == sources.StandbyOnly) && attempt < MaxAttempts && !cancellationToken.IsCancellationRequested)
            {
                // A server that restarted or went away leaves dead idle connections in the pool: drop them all. Reads
                // have no side effects, so the retry may go elsewhere (scripts/chaos.sh stops each server under load):
                // - a cache fill, or own writes, from a primary that is down: from the replica, which may lack the last
                //   write, rather than a 503 for a read the standby can serve;
                // - the replica: a busy standby's pool spills over to the primary, and a primary shutting down answers
                //   57P03, so the first retry waits for the standby itself (with it down too: "no suitable host"); the
                //   last takes whichever host is up.
                logger.LogWarning(ex, "Read attempt {Attempt} on the {DataSource} failed; retrying", attempt, name);
                source.Clear();
                if (route != Route.Primary)
                {
                    (source, name) = attempt == 1 && route == Route.Replica ? (sources.StandbyOnly, "standby") : (sources.Replica, "replica");
                }
            }
        }
    }
}
