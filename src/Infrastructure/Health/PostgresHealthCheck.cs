using Dapper;
using LectureHub.Infrastructure.Observability;
using LectureHub.Infrastructure.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace LectureHub.Infrastructure.Health;

/// <summary>
/// Opens a connection and asks whether the server is in recovery, i.e. a standby. For the standby it also reads the
/// replication lag, and a standby further behind than <see cref="ObservabilityOptions.MaxStandbyLagSeconds"/> is Degraded.
/// </summary>
internal sealed class PostgresHealthCheck(DataSources sources, bool expectStandby, double maxLagSeconds) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var dataSource = expectStandby ? sources.StandbyOnly : sources.Primary;
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            var inRecovery = await connection.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT pg_is_in_recovery()", cancellationToken: cancellationToken));
            var data = new Dictionary<string, object> { ["host"] = connection.Host ?? "", ["port"] = connection.Port, ["inRecovery"] = inRecovery };
            if (inRecovery != expectStandby)
            {
                return new HealthCheckResult(context.Registration.FailureStatus, expectStandby ? "Connected server is not a standby." : "Connected server is a standby.", data: data);
            }

            if (!expectStandby)
            {
                return HealthCheckResult.Healthy(data: data);
            }

            var lag = await StandbyLag.ReadAsync(sources, cancellationToken);
            (data["lagSeconds"], data["lagBytes"]) = (Math.Round(lag.Seconds, 3), lag.Bytes);
            return lag.Seconds > maxLagSeconds
                ? new HealthCheckResult(context.Registration.FailureStatus, $"The standby is {lag.Seconds:0.#} s behind the primary; its reads are stale.", data: data)
                : HealthCheckResult.Healthy(data: data);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            // Idle connections to a restarted server are dead; clear them so the next probe reports the server as it is now.
            dataSource.Clear();
            var reason = expectStandby ? $"The standby is unreachable, so reads fall back to the primary: {ex.Message}" : ex.Message;
            return new HealthCheckResult(context.Registration.FailureStatus, reason, ex);
        }
    }
}
