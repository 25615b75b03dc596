using System.Globalization;
using LectureHub.IntegrationTests.Support;
using Npgsql;

namespace LectureHub.IntegrationTests.Platform;

/// <summary>
/// The restore drill (issue #20): a base backup and the WAL archive bring back the primary as it was at a noted
/// moment, into a cluster of its own (scripts/restore.sh), with exactly what was committed before that moment.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class BackupRestoreTests
{
    private const string Database = "lecturehub_restore_drill";

    [Fact]
    public async Task A_restore_to_a_noted_moment_finds_exactly_the_rows_committed_before_it()
    {
        await ExecuteAsync(Admin("postgres"), $"DROP DATABASE IF EXISTS {Database} WITH (FORCE)");
        await ExecuteAsync(Admin("postgres"), $"CREATE DATABASE {Database}");
        try
        {
            await ExecuteAsync(Admin(Database), "CREATE TABLE drill (id int PRIMARY KEY, batch text NOT NULL)");
            Tools.Script("dev-services.sh", "backup");

            await ExecuteAsync(Admin(Database), "INSERT INTO drill SELECT g, 'before' FROM generate_series(1, 100) g");
            var noted = await Api.ScalarAsync<DateTime>(Admin(Database), "SELECT clock_timestamp()");
            await ExecuteAsync(Admin(Database), "SELECT pg_sleep(0.5)");
            await ExecuteAsync(Admin(Database), "INSERT INTO drill SELECT g, 'after' FROM generate_series(101, 150) g");
            await ExecuteAsync(Admin(Database), "UPDATE drill SET batch = 'changed after' WHERE id <= 10");

            Tools.Script("restore.sh", noted.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss.ffffff+00", CultureInfo.InvariantCulture));

            var restored = new NpgsqlConnectionStringBuilder(Admin(Database)) { Port = RestorePort }.ConnectionString;
            Assert.Equal(100, await Api.ScalarAsync<long>(restored, "SELECT count(*) FROM drill"));
            Assert.Equal(100, await Api.ScalarAsync<long>(restored, "SELECT count(*) FROM drill WHERE batch = 'before' AND id BETWEEN 1 AND 100"));
            Assert.Equal(150, await Api.ScalarAsync<long>(Admin(Database), "SELECT count(*) FROM drill")); // the primary is untouched
        }
        finally
        {
            Tools.Script("restore.sh", "stop");
            await ExecuteAsync(Admin("postgres"), $"DROP DATABASE IF EXISTS {Database} WITH (FORCE)");
        }
    }

    private static int RestorePort => int.Parse(Environment.GetEnvironmentVariable("LH_PG_RESTORE_PORT") ?? "25434", CultureInfo.InvariantCulture);

    /// <summary>The application's role on another database (it may create databases, as the load suite's do).</summary>
    private static string Admin(string database) => new NpgsqlConnectionStringBuilder(ApiFactory.PrimaryConnectionString) { Database = database }.ConnectionString;

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
