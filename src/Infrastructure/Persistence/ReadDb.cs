using Dapper;
using LectureHub.Application.Abstractions;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace LectureHub.Infrastructure.Persistence;

internal sealed class ReadDb(DataSources sources, IReadConsistency consistency, ILogger<ReadDb> logger) : IReadDb
{
    private const int MaxAttempts = 3;

    private ReadDb? _primary;

    public IReadDb Primary => _primary ??= new ReadDb(sources, AlwaysPrimary.Instance, logger);

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters, CancellationToken cancellationToken) =>
        (await RunAsync(c => c.QueryAsync<T>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)), cancellationToken)).AsList();

    public Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? parameters, CancellationToken cancellationToken) =>
        RunAsync(c => c.QuerySingleOrDefaultAsync<T>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)), cancellationToken);

    private async Task<TResult> RunAsync<TResult>(Func<NpgsqlConnection, Task<TResult>> query, CancellationToken cancellationToken)
    {
        var (source, name) = await consistency.MustReadOwnWritesAsync(cancellationToken)
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
                // A standby that went away leaves dead pooled connections; Npgsql marks the host offline, so the retry
                // lands on another host. Reads are side-effect free, so retrying them is safe.
                logger.LogWarning(ex, "Read attempt {Attempt} on the {DataSource} failed; retrying", attempt, name);
            }
        }
    }

    private sealed class AlwaysPrimary : IReadConsistency
    {
        public static readonly AlwaysPrimary Instance = new();

        public ValueTask<bool> MustReadOwnWritesAsync(CancellationToken cancellationToken) => ValueTask.FromResult(true);
    }
}
