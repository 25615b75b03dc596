using System.Globalization;
using System.Text;
using LectureHub.Application.Media;
using Microsoft.Extensions.Options;

namespace LectureHub.Infrastructure.Media;

/// <summary>
/// Writes the master playlist over the encoded renditions, with the attributes players choose by: BANDWIDTH (the peak
/// segment bit rate, as RFC 8216 defines it), AVERAGE-BANDWIDTH, RESOLUTION, and CODECS read from each rendition's own
/// init segment (the avcC box's profile, compatibility and level bytes), plus a poster image.
/// </summary>
internal sealed class HlsPackager(IVideoStorage storage, IOptions<MediaOptions> media) : IHlsPackager
{
    public static string VideoFolder(Guid videoId) => $"hls/{videoId:N}";

    public async Task<string> WriteMasterAsync(Guid videoId, string sourceKey, double durationSeconds, IReadOnlyList<int> heights, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(media.Value.Root, "cdn", VideoFolder(videoId));
        var master = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-INDEPENDENT-SEGMENTS\n");
        foreach (var height in heights.OrderDescending())
        {
            var variant = Path.Combine(folder, $"{height}p");
            var (peak, average) = await BitRatesAsync(variant, cancellationToken);
            var init = await File.ReadAllBytesAsync(Path.Combine(variant, "init.mp4"), cancellationToken);
            var (width, actualHeight) = await SizeAsync(Path.Combine(variant, "init.mp4"), cancellationToken);
            master.Append(CultureInfo.InvariantCulture,
                    $"#EXT-X-STREAM-INF:BANDWIDTH={peak},AVERAGE-BANDWIDTH={average},RESOLUTION={width}x{actualHeight},CODECS=\"{Codecs(init)}\"\n")
                .Append(CultureInfo.InvariantCulture, $"{height}p/index.m3u8\n");
        }

        await WritePosterAsync(await storage.LocalPathAsync(sourceKey, cancellationToken), durationSeconds, Path.Combine(folder, "poster.jpg"), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, "master.m3u8"), master.ToString(), cancellationToken);
        return $"{VideoFolder(videoId)}/master.m3u8";
    }

    /// <summary>"avc1.PPCCLL" from the avcC box (and "mp4a.40.2" when the rendition carries AAC-LC audio).</summary>
    internal static string Codecs(ReadOnlySpan<byte> init)
    {
        var avcC = init.IndexOf("avcC"u8);
        if (avcC < 0 || avcC + 8 > init.Length)
        {
            throw new InvalidDataException("The init segment has no avcC box.");
        }

        var video = $"avc1.{init[avcC + 5]:x2}{init[avcC + 6]:x2}{init[avcC + 7]:x2}";
        return init.IndexOf("mp4a"u8) >= 0 ? video + ",mp4a.40.2" : video;
    }

    /// <summary>Peak and average bits per second over the variant's segments, from EXTINF durations and file sizes.</summary>
    internal static async Task<(long Peak, long Average)> BitRatesAsync(string variant, CancellationToken cancellationToken)
    {
        var lines = await File.ReadAllLinesAsync(Path.Combine(variant, "index.m3u8"), cancellationToken);
        double peak = 0, bits = 0, seconds = 0;
        for (var i = 0; i < lines.Length - 1; i++)
        {
            if (!lines[i].StartsWith("#EXTINF:", StringComparison.Ordinal))
            {
                continue;
            }

            var duration = double.Parse(lines[i].AsSpan(8).TrimEnd(',').ToString().Split(',')[0], CultureInfo.InvariantCulture);
            var size = new FileInfo(Path.Combine(variant, lines[i + 1].Trim())).Length * 8.0;
            (peak, bits, seconds) = (Math.Max(peak, size / duration), bits + size, seconds + duration);
        }

        return seconds > 0 ? ((long)Math.Ceiling(peak), (long)Math.Ceiling(bits / seconds)) : throw new InvalidDataException($"{variant} has no segments.");
    }

    private async Task<(int Width, int Height)> SizeAsync(string init, CancellationToken cancellationToken)
    {
        var (exitCode, output, error) = await MediaTool.RunAsync(media.Value.FfprobePath,
            ["-v", "error", "-select_streams", "v:0", "-show_entries", "stream=width,height", "-of", "csv=p=0", init],
            TimeSpan.FromSeconds(media.Value.FfmpegTimeoutSeconds), cancellationToken);
        var parts = output.Trim().Split(',');
        return exitCode == 0 && parts.Length == 2
            ? (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture))
            : throw new InvalidDataException($"ffprobe could not read {init}: {error}");
    }

    /// <summary>A frame a tenth of the way in (past title cards), at most 720 px high.</summary>
    private async Task WritePosterAsync(string source, double durationSeconds, string poster, CancellationToken cancellationToken)
    {
        var at = (durationSeconds * 0.1).ToString("0.###", CultureInfo.InvariantCulture);
        var (exitCode, _, error) = await MediaTool.RunAsync(media.Value.FfmpegPath,
            ["-hide_banner", "-nostdin", "-loglevel", "error", "-y", "-ss", at, "-i", source, "-frames:v", "1", "-vf", "scale=-2:'min(720,ih)'", "-q:v", "3", poster],
            TimeSpan.FromSeconds(media.Value.FfmpegTimeoutSeconds), cancellationToken);
        if (exitCode != 0)
        {
            throw new InvalidDataException($"ffmpeg could not make the poster: {error}");
        }
    }
}
