using System.Diagnostics;

namespace LectureHub.IntegrationTests.Support;

/// <summary>Runs the real tools (ffmpeg, ffprobe, the repository's scripts) the way the tests need them.</summary>
public static class Tools
{
    /// <summary>Runs a tool to completion; its exit code, standard output and standard error.</summary>
    public static (int ExitCode, string Output, string Error) Try(string tool, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }

    /// <summary>Runs a tool that must succeed; its standard output.</summary>
    public static string Run(string tool, params string[] args)
    {
        var (exitCode, output, error) = Try(tool, args);
        Assert.True(exitCode == 0, $"{tool} failed: {error}");
        return output;
    }

    /// <summary>Runs one of the repository's scripts (scripts/name) to success, with the tests' environment.</summary>
    public static void Script(string name, params string[] args)
    {
        var (exitCode, output, error) = Try("bash", [Path.Combine(RepositoryRoot, "scripts", name), .. args]);
        Assert.True(exitCode == 0, $"{name} {string.Join(' ', args)} failed ({exitCode}): {error}\n{output}");
    }

    private static string RepositoryRoot { get; } = FindRoot();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LectureHub.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("LectureHub.sln not found above " + AppContext.BaseDirectory);
    }
}
