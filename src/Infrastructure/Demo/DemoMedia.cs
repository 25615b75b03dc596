using System.Globalization;
using System.Text;
using LectureHub.Infrastructure.Media;

namespace LectureHub.Infrastructure.Demo;

/// <summary>
/// The demo's media, made with ffmpeg on the spot rather than shipped: course thumbnails (a colour per trade with its
/// name), lecture sources (a test pattern with a tone and the running time burned in), and a Korean WebVTT track.
/// </summary>
internal sealed class DemoMedia(MediaOptions options)
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    /// <summary>A 1280×720 PNG: the trade's colour with its English name (Korean needs a CJK font the machine may lack).</summary>
    public async Task<byte[]> ThumbnailAsync(string tradeEn, int hue, string directory, CancellationToken cancellationToken)
    {
        var file = Path.Combine(directory, $"thumbnail-{Guid.NewGuid():N}.png");
        var colour = $"0x{Colour(hue):X6}";
        await FfmpegAsync(cancellationToken,
            "-f", "lavfi", "-i", $"color=c={colour}:size=1280x720:duration=1", "-frames:v", "1",
            "-vf", $"drawtext=text='{Escape(tradeEn)}':x=(w-tw)/2:y=(h-th)/2:fontsize=110:fontcolor=white:borderw=4:bordercolor=black@0.4",
            file);
        try
        {
            return await File.ReadAllBytesAsync(file, cancellationToken);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>An 854×480 H.264/AAC MP4 of <paramref name="seconds"/> (360p and 480p rungs), with the trade in English like the thumbnails.</summary>
    public async Task<string> LectureSourceAsync(string tradeEn, int seconds, string directory, CancellationToken cancellationToken)
    {
        var file = Path.Combine(directory, $"demo-{Guid.NewGuid():N}.mp4");
        var box = ":fontsize=28:fontcolor=white:box=1:boxcolor=black@0.6:boxborderw=8";
        await FfmpegAsync(cancellationToken,
            "-f", "lavfi", "-i", $"testsrc2=size=854x480:rate=25:duration={seconds}",
            "-f", "lavfi", "-i", $"sine=frequency=440:beep_factor=4:sample_rate=48000:duration={seconds}",
            "-vf", $"drawtext=text='LectureHub demo - {Escape(tradeEn)}':x=24:y=24{box},drawtext=text='%{{pts\\:hms}}':x=24:y=h-56{box}",
            "-c:v", "libx264", "-preset", "ultrafast", "-crf", "30", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "96k", "-shortest",
            file);
        return file;
    }

    /// <summary>Korean cues every 10 s over <paramref name="seconds"/>.</summary>
    public static string KoreanSubtitles(int seconds)
    {
        string[] lines =
        [
            "안녕하세요, LectureHub 데모 강의입니다.", "작업 전에는 반드시 보호구를 착용하세요.", "차단기를 내리고 검전기로 확인합니다.",
            "전압, 전류, 저항의 관계를 기억하세요.", "직렬 회로에서는 전류가 같습니다.", "병렬 회로에서는 전압이 같습니다.",
        ];
        var vtt = new StringBuilder("WEBVTT\n\n");
        for (var (start, i) = (0, 0); start < seconds; start += 10, i++)
        {
            vtt.Append(CultureInfo.InvariantCulture, $"{i + 1}\n{Cue(start)} --> {Cue(Math.Min(start + 9, seconds))}\n{lines[i % lines.Length]}\n\n");
        }

        return vtt.ToString();

        static string Cue(int s) => TimeSpan.FromSeconds(s).ToString(@"hh\:mm\:ss\.fff", CultureInfo.InvariantCulture);
    }

    private async Task FfmpegAsync(CancellationToken cancellationToken, params string[] arguments)
    {
        var (exit, _, error) = await MediaTool.RunAsync(options.FfmpegPath, ["-v", "error", "-y", .. arguments], Limit, cancellationToken);
        if (exit != 0)
        {
            throw new InvalidOperationException($"ffmpeg could not make demo media (exit {exit}): {error.Trim()}");
        }
    }

    /// <summary>A saturated colour around the wheel, dark enough for white text.</summary>
    private static int Colour(int hue)
    {
        var h = hue % 360 / 60.0;
        var x = (int)(150 * (1 - Math.Abs(h % 2 - 1)));
        var (r, g, b) = (int)h switch { 0 => (150, x, 0), 1 => (x, 150, 0), 2 => (0, 150, x), 3 => (0, x, 150), 4 => (x, 0, 150), _ => (150, 0, x) };
        return (r + 30 << 16) | (g + 30 << 8) | (b + 30);
    }

    private static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "", StringComparison.Ordinal)
        .Replace(":", "\\:", StringComparison.Ordinal).Replace("&", "and", StringComparison.Ordinal);
}
