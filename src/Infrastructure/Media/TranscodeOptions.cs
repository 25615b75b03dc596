using System.ComponentModel.DataAnnotations;

namespace LectureHub.Infrastructure.Media;

public sealed class TranscodeOptions
{
    public const string Section = "Transcoding";

    /// <summary>Run the worker in this instance. Several instances may run it: jobs are taken with leases.</summary>
    public bool Enabled { get; set; } = true;

    [Range(0.1, 60)]
    public double PollIntervalSeconds { get; set; } = 2;

    /// <summary>A job whose worker has not sent a heartbeat for this long is taken by another worker.</summary>
    [Range(5, 3600)]
    public int LeaseSeconds { get; set; } = 60;

    [Range(1, 600)]
    public int HeartbeatSeconds { get; set; } = 10;

    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>HLS segment length; keyframes are forced on its boundaries so every rendition switches cleanly.</summary>
    [Range(4, 6)]
    public int SegmentSeconds { get; set; } = 4;

    /// <summary>x264 preset: faster presets trade size for encoding time.</summary>
    [RegularExpression("^(ultrafast|superfast|veryfast|faster|fast|medium|slow)$")]
    public string Preset { get; set; } = "veryfast";

    /// <summary>The longest one rendition may encode before it is killed and counted as a failed attempt.</summary>
    [Range(1, 24 * 60)]
    public int TimeoutMinutes { get; set; } = 180;
}
