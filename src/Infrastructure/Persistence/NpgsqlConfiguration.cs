using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace LectureHub.Infrastructure.Persistence;

internal static class NpgsqlConfiguration
{
    public const string MigrationsHistoryTable = "__ef_migrations_history";

    public static DbContextOptionsBuilder UseLectureHubNpgsql(this DbContextOptionsBuilder builder, string connectionString) =>
        QuietFailures(builder.UseNpgsql(connectionString, Configure).UseSnakeCaseNamingConvention());

    public static DbContextOptionsBuilder UseLectureHubNpgsql(this DbContextOptionsBuilder builder, NpgsqlDataSource dataSource) =>
        QuietFailures(builder.UseNpgsql(dataSource, Configure).UseSnakeCaseNamingConvention());

    /// <summary>
    /// EF logs every failed command and save as an error, including the unique and xmin conflicts that racing requests
    /// cause by design and that become 409s. The exception itself always reaches whoever handles it (the problem
    /// handler logs an unexpected one as an error, a worker its own failures), so EF's copy is only debug detail.
    /// </summary>
    private static DbContextOptionsBuilder QuietFailures(DbContextOptionsBuilder builder) =>
        builder.ConfigureWarnings(w => w.Log(
            (RelationalEventId.CommandError, LogLevel.Debug),
            (CoreEventId.SaveChangesFailed, LogLevel.Debug),
            (CoreEventId.OptimisticConcurrencyException, LogLevel.Debug)));

    /// <summary>
    /// Transient failures (a deadlock, a lost connection) are retried three times, at most a quarter second apart: with
    /// the primary gone a command answers 503 within a second rather than after EF's default back-off of several.
    /// </summary>
    private static void Configure(Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.NpgsqlDbContextOptionsBuilder npgsql) =>
        npgsql.MigrationsHistoryTable(MigrationsHistoryTable).EnableRetryOnFailure(3, TimeSpan.FromMilliseconds(250), errorCodesToAdd: null);
}
