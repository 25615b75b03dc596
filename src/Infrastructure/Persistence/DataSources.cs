using Npgsql;

namespace LectureHub.Infrastructure.Persistence;

/// <summary>
/// The two ways into PostgreSQL. <see cref="Primary"/> takes every write. <see cref="Replica"/> is a multi-host source
/// over the standbys and the primary with PreferStandby: reads go to a standby while one is up, else to the primary.
/// </summary>
public sealed class DataSources(NpgsqlDataSource primary, NpgsqlDataSource primaryAsyncCommit, NpgsqlMultiHostDataSource replicaHosts) : IAsyncDisposable
{
    public NpgsqlDataSource Primary { get; } = primary;

    /// <summary>
    /// The primary, with <c>synchronous_commit = off</c> for every session: a commit returns without waiting for the WAL
    /// flush, so a single statement is one round trip and costs no fsync. Only for bookkeeping that may be forgotten in
    /// a crash (idempotency keys); never for business data.
    /// </summary>
    public NpgsqlDataSource PrimaryAsyncCommit { get; } = primaryAsyncCommit;

    public NpgsqlDataSource Replica { get; } = replicaHosts.WithTargetSession(TargetSessionAttributes.PreferStandby);

    /// <summary>Standbys only; for the readiness check.</summary>
    public NpgsqlDataSource StandbyOnly { get; } = replicaHosts.WithTargetSession(TargetSessionAttributes.Standby);

    /// <summary>
    /// Connections per pool (per host) unless the connection string says otherwise. Npgsql's default of 100 lets two
    /// instances in a rush exceed the server's max_connections (200 here), which fails requests; with a cap, requests
    /// queue for a pooled connection instead. A few dozen busy connections saturate a small server anyway.
    /// </summary>
    public const int DefaultMaxPoolSize = 40;

    /// <summary>
    /// The async-commit pool's default: its statements are single and short, and it must leave room under
    /// max_connections for the main pools of every instance (2 × (40 + 20) here).
    /// </summary>
    public const int AsyncCommitMaxPoolSize = 20;

    /// <summary>
    /// Seconds to wait for a connection, pooled or new, unless the connection string says otherwise (Npgsql: 15). In
    /// a sign-up rush requests queue for pooled connections; answering late beats failing and being retried.
    /// </summary>
    public const int DefaultTimeoutSeconds = 30;

    /// <summary>
    /// Statements each pooled connection keeps prepared (Npgsql prepares one after its fifth use) unless the
    /// connection string says otherwise. Parsing and planning were most of PostgreSQL's CPU per application
    /// (docs/benchmarks.md, issue #20). Npgsql's default is 0, none.
    /// </summary>
    public const int DefaultMaxAutoPrepare = 128;

    private static string WithPoolDefaults(string connectionString, int maxPoolSize = DefaultMaxPoolSize)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Says(connectionString, "Max Auto Prepare", "MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = DefaultMaxAutoPrepare;
        }

        // A connection handed back to the pool is not reset (DISCARD ALL, three per application): nothing here leaves
        // session state behind (no SET, LISTEN, advisory locks or temp tables); the async-commit pool's setting is a
        // startup option, which a reset keeps anyway.
        if (!Says(connectionString, "No Reset On Close", "NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        if (!Says(connectionString, "Maximum Pool Size", "Max Pool Size", "MaxPoolSize"))
        {
            builder.MaxPoolSize = maxPoolSize;
        }

        if (!Says(connectionString, "Timeout"))
        {
            builder.Timeout = DefaultTimeoutSeconds;
        }

        return builder.ConnectionString;
    }

    /// <summary>Whether the connection string sets one of these keywords itself.</summary>
    private static bool Says(string connectionString, params string[] keywords) =>
        connectionString.Split(';').Select(part => part.Split('=')[0].Trim())
            .Any(key => keywords.Contains(key, StringComparer.OrdinalIgnoreCase));

    public static DataSources Create(string primaryConnectionString, string replicaConnectionString)
    {
        var primary = new NpgsqlDataSourceBuilder(WithPoolDefaults(primaryConnectionString)) { Name = "primary" }.Build();
        var asyncCommit = new NpgsqlDataSourceBuilder(WithPoolDefaults(primaryConnectionString, AsyncCommitMaxPoolSize)) { Name = "primary-async-commit" };
        asyncCommit.ConnectionStringBuilder.Options = $"{asyncCommit.ConnectionStringBuilder.Options} -c synchronous_commit=off".Trim();
        var replica = new NpgsqlDataSourceBuilder(WithPoolDefaults(replicaConnectionString)) { Name = "replica" }.BuildMultiHost();
        return new DataSources(primary, asyncCommit.Build(), replica);
    }

    public async ValueTask DisposeAsync()
    {
        await Primary.DisposeAsync();
        await PrimaryAsyncCommit.DisposeAsync();
        await replicaHosts.DisposeAsync();
    }
}
