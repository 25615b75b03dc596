namespace LectureHub.Infrastructure.Media;

public sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary>Where uploaded and derived media files live; served at /media. Default: DataDirectory/media.</summary>
    public string Root { get; set; } = "";

    /// <summary>Where source videos go: Local (chunked uploads through the API, the default) or S3 (presigned PUT; see <see cref="S3Options"/>).</summary>
    [System.ComponentModel.DataAnnotations.RegularExpression("^(Local|S3)$", ErrorMessage = "Media:VideoStorage is Local or S3.")]
    public string VideoStorage { get; set; } = "Local";

    public string FfmpegPath { get; set; } = "ffmpeg";

    public string FfprobePath { get; set; } = "ffprobe";

    [System.ComponentModel.DataAnnotations.Range(1, 600)]
    public int FfmpegTimeoutSeconds { get; set; } = 30;
}
