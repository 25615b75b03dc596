using Dapper;
using LectureHub.Application.Abstractions;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace LectureHub.Infrastructure.Persistence;

internal sealed class ReadDb(DataSources sources, IReadConsistency consistency, ILogger<ReadDb> logger) : IReadDb
{
    private const int MaxAttempts = 3;

    private bool _primaryOnly;
    private ReadDb? _primary;

    public IReadDb Primary => _primary ??= new ReadDb(sources, consistency, logger) { _primaryOnly = true };

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters, CancellationToken cancellationToken) =>
        (await RunAsync(c => c.QueryAsync<T>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)), cancellationToken)).AsList();

    public Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? parameters, CancellationToken cancellationToken) =>
        RunAsync(c => c.QuerySingleOrDefaultAsync<T>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)), cancellationToken);

    private async Task<TResult> RunAsync<TResult>(Func<NpgsqlConnection, Task<TResult>> query, CancellationToken cancellationToken)
    {
        var (source, name) = _primaryOnly || await consistency.MustReadOwnWritesAsync(cancellationToken)
            ? (sources.Primary, "primary")
            : (sources.Replica, "replica");
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = await source.OpenConnectionAsync(cancellationToken);
                return await query(connection);
            }
            catch (NpgsqlException ex) when (ex.IsTransient && attempt < MaxAttempts && !cancellationToken.IsCancellationRequested)
            {
                // A server that restarted or went away leaves dead idle connections in the pool. Drop them all; Npgsql
                // has marked a lost host offline, so the retry lands on a live one. Reads have no side effects.
                logger.LogWarning(ex, "Read attempt {Attempt} on the {DataSource} failed; retrying", attempt, name);
                source.Clear();
            }
        }
    }
}
