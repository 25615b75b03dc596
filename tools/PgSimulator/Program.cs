namespace LectureHub.PgSimulator;

internal static class SimulatorProgram
{
    /// <summary>dotnet run --project tools/PgSimulator -- --urls http://127.0.0.1:55090  (secret key: PG_SIM_SECRET_KEY, else the default).</summary>
    public static async Task Main(string[] args)
    {
        var secretKey = Environment.GetEnvironmentVariable("PG_SIM_SECRET_KEY") is { Length: > 0 } key ? key : PgSimulatorApp.DefaultSecretKey;
        await PgSimulatorApp.Build(args, secretKey).RunAsync();
    }
}
