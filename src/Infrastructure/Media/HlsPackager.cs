using System.Globalization;
using System.Text;
using LectureHub.Application.Media;
using LectureHub.Domain.Users;
using Microsoft.Extensions.Options;

namespace LectureHub.Infrastructure.Media;

/// <summary>
/// Writes the master playlist over the encoded renditions, with the attributes players choose by: BANDWIDTH (the peak
/// segment bit rate, as RFC 8216 defines it), AVERAGE-BANDWIDTH, RESOLUTION, and CODECS read from each rendition's own
/// init segment (the avcC box's profile, compatibility and level bytes), plus a poster image.
/// </summary>
internal sealed class HlsPackager(IVideoStorage storage, IOptions<MediaOptions> media) : IHlsPackager
{
    public static string VideoFolder(Guid videoId) => $"hls/{videoId}";

    public async Task<string> WriteMasterAsync(
        Guid videoId, string sourceKey, double durationSeconds, IReadOnlyList<int> heights, IReadOnlyList<SubtitleTrack> subtitles, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(media.Value.Root, "cdn", VideoFolder(videoId));
        var master = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-INDEPENDENT-SEGMENTS\n");
        await WriteSubtitlesAsync(folder, durationSeconds, subtitles, master, cancellationToken);
        var group = subtitles.Count > 0 ? ",SUBTITLES=\"subs\"" : "";
        foreach (var height in heights.OrderDescending())
        {
            var variant = Path.Combine(folder, $"{height}p");
            var (peak, average) = await BitRatesAsync(variant, cancellationToken);
            var init = await File.ReadAllBytesAsync(Path.Combine(variant, "init.mp4"), cancellationToken);
            var (width, actualHeight) = await SizeAsync(Path.Combine(variant, "init.mp4"), cancellationToken);
            master.Append(CultureInfo.InvariantCulture,
                    $"#EXT-X-STREAM-INF:BANDWIDTH={peak},AVERAGE-BANDWIDTH={average},RESOLUTION={width}x{actualHeight},CODECS=\"{Codecs(init)}\"{group}\n")
                .Append(CultureInfo.InvariantCulture, $"{height}p/index.m3u8\n");
        }

        var poster = Path.Combine(folder, "poster.jpg");
        if (!File.Exists(poster))
        {
            await WritePosterAsync(await storage.LocalPathAsync(sourceKey, cancellationToken), durationSeconds, poster, cancellationToken);
        }

        // Written aside and renamed: a player never reads a half-written master playlist.
        var temp = Path.Combine(folder, $".master-{Guid.NewGuid():N}.m3u8");
        await File.WriteAllTextAsync(temp, master.ToString(), cancellationToken);
        File.Move(temp, Path.Combine(folder, "master.m3u8"), overwrite: true);
        return $"{VideoFolder(videoId)}/master.m3u8";
    }

    /// <summary>
    /// One WebVTT file per language with a one-segment media playlist over it (subs/{language}.m3u8), and its
    /// EXT-X-MEDIA line in the master. Korean (the platform's default language) comes first and is the default track,
    /// then the others by tag. Tracks no longer listed are removed.
    /// </summary>
    private static async Task WriteSubtitlesAsync(string folder, double durationSeconds, IReadOnlyList<SubtitleTrack> subtitles, StringBuilder master, CancellationToken cancellationToken)
    {
        var subs = Path.Combine(folder, "subs");
        if (Directory.Exists(subs))
        {
            Directory.Delete(subs, recursive: true);
        }

        if (subtitles.Count == 0)
        {
            return;
        }

        Directory.CreateDirectory(subs);
        var target = Math.Max(1, (int)Math.Ceiling(durationSeconds));
        var ordered = subtitles.OrderBy(t => t.Language == Languages.Default ? 0 : 1).ThenBy(t => t.Language, StringComparer.Ordinal);
        foreach (var (track, index) in ordered.Select((t, i) => (t, i)))
        {
            await File.WriteAllTextAsync(Path.Combine(subs, $"{track.Language}.vtt"), track.Content, cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(subs, $"{track.Language}.m3u8"), string.Create(CultureInfo.InvariantCulture,
                $"#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-TARGETDURATION:{target}\n#EXT-X-PLAYLIST-TYPE:VOD\n#EXTINF:{durationSeconds:0.###},\n{track.Language}.vtt\n#EXT-X-ENDLIST\n"), cancellationToken);
            var name = track.Label.Replace("\"", "'", StringComparison.Ordinal);
            master.Append(CultureInfo.InvariantCulture,
                $"#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"subs\",NAME=\"{name}\",LANGUAGE=\"{track.Language}\",DEFAULT={(index == 0 ? "YES" : "NO")},AUTOSELECT=YES,URI=\"subs/{track.Language}.m3u8\"\n");
        }
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
