namespace LectureHub.Infrastructure.Media;

public sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary>Where uploaded and derived media files live; served at /media. Default: DataDirectory/media.</summary>
    public string Root { get; set; } = "";

    public string FfmpegPath { get; set; } = "ffmpeg";

    public string FfprobePath { get; set; } = "ffprobe";

    [System.ComponentModel.DataAnnotations.Range(1, 600)]
    public int FfmpegTimeoutSeconds { get; set; } = 30;
}
