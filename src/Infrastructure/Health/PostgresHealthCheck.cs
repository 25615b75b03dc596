using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace LectureHub.Infrastructure.Health;

/// <summary>Opens a connection and asks whether the server is in recovery, i.e. a standby.</summary>
internal sealed class PostgresHealthCheck(NpgsqlDataSource dataSource, bool expectStandby) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            var inRecovery = await connection.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT pg_is_in_recovery()", cancellationToken: cancellationToken));
            var data = new Dictionary<string, object> { ["host"] = connection.Host ?? "", ["port"] = connection.Port, ["inRecovery"] = inRecovery };
            return inRecovery == expectStandby
                ? HealthCheckResult.Healthy(data: data)
                : new HealthCheckResult(context.Registration.FailureStatus, expectStandby ? "Connected server is not a standby." : "Connected server is a standby.", data: data);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            // Idle connections to a restarted server are dead; clear them so the next probe reports the server as it is now.
            dataSource.Clear();
            return new HealthCheckResult(context.Registration.FailureStatus, ex.Message, ex);
        }
    }
}
