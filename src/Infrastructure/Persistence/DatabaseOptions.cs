using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LectureHub.Infrastructure.Persistence;

internal static class NpgsqlConfiguration
{
    public const string MigrationsHistoryTable = "__ef_migrations_history";

    public static DbContextOptionsBuilder UseLectureHubNpgsql(this DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseNpgsql(connectionString, Configure).UseSnakeCaseNamingConvention();

    public static DbContextOptionsBuilder UseLectureHubNpgsql(this DbContextOptionsBuilder builder, NpgsqlDataSource dataSource) =>
        builder.UseNpgsql(dataSource, Configure).UseSnakeCaseNamingConvention();

    private static void Configure(Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.NpgsqlDbContextOptionsBuilder npgsql) =>
        npgsql.MigrationsHistoryTable(MigrationsHistoryTable).EnableRetryOnFailure(3);
}
