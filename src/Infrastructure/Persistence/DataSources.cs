using Npgsql;

namespace LectureHub.Infrastructure.Persistence;

/// <summary>
/// The two ways into PostgreSQL. <see cref="Primary"/> takes every write. <see cref="Replica"/> is a multi-host source
/// over the standbys and the primary with PreferStandby: reads go to a standby while one is up, else to the primary.
/// </summary>
public sealed class DataSources(NpgsqlDataSource primary, NpgsqlMultiHostDataSource replicaHosts) : IAsyncDisposable
{
    public NpgsqlDataSource Primary { get; } = primary;

    public NpgsqlDataSource Replica { get; } = replicaHosts.WithTargetSession(TargetSessionAttributes.PreferStandby);

    /// <summary>Standbys only; for the readiness check.</summary>
    public NpgsqlDataSource StandbyOnly { get; } = replicaHosts.WithTargetSession(TargetSessionAttributes.Standby);

    public static DataSources Create(string primaryConnectionString, string replicaConnectionString)
    {
        var primary = new NpgsqlDataSourceBuilder(primaryConnectionString) { Name = "primary" }.Build();
        var replica = new NpgsqlDataSourceBuilder(replicaConnectionString) { Name = "replica" }.BuildMultiHost();
        return new DataSources(primary, replica);
    }

    public async ValueTask DisposeAsync()
    {
        await Primary.DisposeAsync();
        await replicaHosts.DisposeAsync();
    }
}
