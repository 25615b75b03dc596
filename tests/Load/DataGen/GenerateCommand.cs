using System.Globalization;
using Npgsql;

namespace LectureHub.Load.DataGen;

/// <summary>
/// <c>generate-catalog --connection &lt;cs&gt; [--courses 100000] [--instructors 1000] [--students 200000] [--likes 1000000]
/// [--posts 100000] [--comments 1000000] [--reactions 2000000] [--reviews 200000] [--questions 50000]</c>
/// </summary>
public static class GenerateCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            options[args[i]] = args[i + 1];
        }

        if (!options.TryGetValue("--connection", out var connectionString))
        {
            Console.Error.WriteLine("usage: generate-catalog --connection <connection string> [--courses N] [--instructors N] [--students N] [--likes N] " +
                                    "[--posts N] [--comments N] [--reactions N] [--reviews N] [--questions N]");
            return 2;
        }

        int Count(string name, int fallback) =>
            options.TryGetValue(name, out var v) ? int.Parse(v, NumberStyles.Integer, CultureInfo.InvariantCulture) : fallback;

        // Bulk loads and the counter statements after them run for minutes on a busy machine: no command timeout.
        await using var db = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ConnectionString);
        await new CatalogGenerator(db).GenerateAsync(
            Count("--instructors", 1_000), Count("--students", 200_000), Count("--courses", 100_000), Count("--likes", 1_000_000),
            Console.Error.WriteLine, CancellationToken.None);
        await new CommunityGenerator(db).GenerateAsync(
            Count("--posts", 100_000), Count("--comments", 1_000_000), Count("--reactions", 2_000_000), Count("--reviews", 200_000), Count("--questions", 50_000),
            Console.Error.WriteLine, CancellationToken.None);
        return 0;
    }
}
