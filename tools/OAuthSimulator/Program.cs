namespace LectureHub.OAuthSimulator;

internal static class SimulatorProgram
{
    /// <summary>dotnet run --project tools/OAuthSimulator -- --urls http://127.0.0.1:25096</summary>
    public static async Task Main(string[] args) => await OAuthSimulatorApp.Build(args).RunAsync();
}
