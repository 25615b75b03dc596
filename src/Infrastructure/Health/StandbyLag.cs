using Dapper;
using LectureHub.Infrastructure.Persistence;

namespace LectureHub.Infrastructure.Health;

/// <summary>
/// How far the standby's replay is behind the primary. Read on the standby first and the primary second, so the bytes
/// are never under-counted. Seconds are 0 when the standby has replayed all it received (an idle primary writes no
/// WAL, and the last replayed transaction's age would grow forever), else the age of the last replayed transaction.
/// Any user may call these functions; no monitoring role is needed.
/// </summary>
internal static class StandbyLag
{
    private const string StandbySql = """
        SELECT pg_last_wal_replay_lsn()::text AS "ReplayLsn",
               CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
                    ELSE coalesce(extract(epoch FROM now() - pg_last_xact_replay_timestamp()), 0)::float8 END AS "Seconds"
        """;

    private const string PrimarySql = "SELECT greatest(pg_wal_lsn_diff(pg_current_wal_lsn(), @ReplayLsn::pg_lsn), 0)::bigint";

    public static async Task<Reading> ReadAsync(DataSources sources, CancellationToken cancellationToken)
    {
        StandbyRow standby;
        await using (var connection = await sources.StandbyOnly.OpenConnectionAsync(cancellationToken))
        {
            standby = await connection.QuerySingleAsync<StandbyRow>(new CommandDefinition(StandbySql, cancellationToken: cancellationToken));
        }

        await using var primary = await sources.Primary.OpenConnectionAsync(cancellationToken);
        var bytes = standby.ReplayLsn is null ? 0
            : await primary.ExecuteScalarAsync<long>(new CommandDefinition(PrimarySql, new { standby.ReplayLsn }, cancellationToken: cancellationToken));
        return new Reading(standby.Seconds, bytes);
    }

    public sealed record Reading(double Seconds, long Bytes);

    private sealed record StandbyRow(string? ReplayLsn, double Seconds);
}
