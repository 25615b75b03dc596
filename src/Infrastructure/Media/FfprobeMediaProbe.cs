using System.Globalization;
using System.Text.Json;
using LectureHub.Application.Media;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LectureHub.Infrastructure.Media;

/// <summary>
/// Asks ffprobe what a file holds. A video needs a video stream with a size and a positive duration: a still image
/// (a JPEG renamed .mp4) has a video stream but no duration, and is refused.
/// </summary>
internal sealed class FfprobeMediaProbe(IOptions<MediaOptions> options, ILogger<FfprobeMediaProbe> logger) : IMediaProbe
{
    public async Task<MediaInfo?> ProbeAsync(string path, CancellationToken cancellationToken)
    {
        string[] arguments = ["-v", "error", "-show_entries", "stream=codec_type,width,height:format=duration", "-of", "json", path];
        var (exitCode, output, error) = await MediaTool.RunAsync(
            options.Value.FfprobePath, arguments, TimeSpan.FromSeconds(options.Value.FfmpegTimeoutSeconds), cancellationToken);
        if (exitCode != 0)
        {
            logger.LogInformation("ffprobe could not read {Path}: {Error}", path, error);
            return null;
        }

        return Parse(output);
    }

    internal static MediaInfo? Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var streams = root.TryGetProperty("streams", out var s) ? s.EnumerateArray().ToList() : [];
        var video = streams.FirstOrDefault(x => Is(x, "video") && x.TryGetProperty("width", out var w) && w.GetInt32() > 0);
        var duration = root.TryGetProperty("format", out var format) && format.TryGetProperty("duration", out var d) &&
                       double.TryParse(d.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            ? seconds
            : 0;
        return video.ValueKind == JsonValueKind.Object && duration > 0
            ? new MediaInfo(duration, video.GetProperty("width").GetInt32(), video.GetProperty("height").GetInt32(), streams.Any(x => Is(x, "audio")))
            : null;
    }

    private static bool Is(JsonElement stream, string type) => stream.TryGetProperty("codec_type", out var t) && t.GetString() == type;
}
