using System.Diagnostics;

namespace LectureHub.Infrastructure.Media;

/// <summary>Runs ffmpeg or ffprobe to completion within a time limit; killed (with its children) when the limit passes.</summary>
internal static class MediaTool
{
    /// <param name="onOutputLine">When given, standard output is handed over line by line (ffmpeg's -progress) instead of collected.</param>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(
        string tool, IEnumerable<string> arguments, TimeSpan limit, CancellationToken cancellationToken, Func<string, Task>? onOutputLine = null)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, arguments)
                            {
                                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
                            })
                            ?? throw new InvalidOperationException($"Could not start {tool}.");
        var output = onOutputLine is null ? process.StandardOutput.ReadToEndAsync(cancellationToken) : ForwardAsync(process.StandardOutput, onOutputLine, cancellationToken);
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

    private static async Task<string> ForwardAsync(StreamReader output, Func<string, Task> onLine, CancellationToken cancellationToken)
    {
        while (await output.ReadLineAsync(cancellationToken) is { } line)
        {
            await onLine(line);
        }

        return "";
    }
}
