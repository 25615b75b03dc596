using System.Diagnostics;

namespace LectureHub.Infrastructure.Media;

/// <summary>Runs ffmpeg or ffprobe to completion within a time limit; killed (with its children) when the limit passes.</summary>
internal static class MediaTool
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(
        string tool, IEnumerable<string> arguments, TimeSpan limit, CancellationToken cancellationToken)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, arguments)
                            {
                                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
                            })
                            ?? throw new InvalidOperationException($"Could not start {tool}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output, await error);
    }
}
