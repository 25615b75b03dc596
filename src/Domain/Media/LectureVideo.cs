using LectureHub.Domain.Common;

namespace LectureHub.Domain.Media;

public enum VideoStatus
{
    /// <summary>The upload is open; <see cref="LectureVideo.ReceivedBytes"/> says how far it got.</summary>
    Uploading,

    /// <summary>Every byte arrived and ffprobe found a video; waiting for the transcoder.</summary>
    Queued,
    Processing,
    Ready,
    Failed,
}

/// <summary>
/// One uploaded source video of a lecture and what became of it. Each upload is its own row, so a replacement can be
/// uploaded and transcoded while the lecture keeps playing its current video.
/// </summary>
public sealed class LectureVideo : Entity
{
    /// <summary>4 GiB: a long lecture at a high bitrate, and what a resumable upload is sized for.</summary>
    public const long MaxUploadBytes = 4L * 1024 * 1024 * 1024;

    public const int MaxFileNameLength = 255;

    private LectureVideo()
    {
    }

    public Guid LectureId { get; private set; }

    public Guid CourseId { get; private set; }

    public Guid UploadedBy { get; private set; }

    public string FileName { get; private set; } = "";

    /// <summary>Where the source lives in video storage.</summary>
    public string SourceKey { get; private set; } = "";

    public long SizeBytes { get; private set; }

    public long ReceivedBytes { get; private set; }

    public VideoStatus Status { get; private set; }

    public string? ErrorCode { get; private set; }

    public string? Error { get; private set; }

    public double? DurationSeconds { get; private set; }

    public int? Width { get; private set; }

    public int? Height { get; private set; }

    /// <summary>Where the finished stream's master playlist lives, relative to the CDN root (hls/{id}/master.m3u8).</summary>
    public string? MasterPlaylistPath { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static LectureVideo StartUpload(Guid lectureId, Guid courseId, Guid uploadedBy, string fileName, long sizeBytes, DateTimeOffset now)
    {
        if (sizeBytes is < 1 or > MaxUploadBytes)
        {
            throw new DomainValidationException("VIDEO_TOO_LARGE", $"A video is between 1 byte and {MaxUploadBytes} bytes (4 GiB).");
        }

        var video = new LectureVideo
        {
            LectureId = lectureId, CourseId = courseId, UploadedBy = uploadedBy, FileName = fileName.Trim(), SizeBytes = sizeBytes,
            Status = VideoStatus.Uploading, CreatedAt = now, UpdatedAt = now,
        };
        video.SourceKey = $"sources/{video.Id}";
        return video;
    }

    /// <summary>Records how many bytes storage holds; an upload only ever grows, and never past its declared size.</summary>
    public void Received(long totalBytes, DateTimeOffset now)
    {
        EnsureUploading();
        if (totalBytes < ReceivedBytes || totalBytes > SizeBytes)
        {
            throw new DomainException("UPLOAD_OFFSET_MISMATCH", $"The upload holds {ReceivedBytes} of {SizeBytes} bytes.");
        }

        ReceivedBytes = totalBytes;
        UpdatedAt = now;
    }

    public bool IsComplete => ReceivedBytes == SizeBytes;

    /// <summary>ffprobe found a playable video in the complete upload: it waits for the transcoder.</summary>
    public void Accept(double durationSeconds, int width, int height, DateTimeOffset now)
    {
        EnsureUploading();
        if (!IsComplete)
        {
            throw new DomainException("UPLOAD_INCOMPLETE", $"The upload holds {ReceivedBytes} of {SizeBytes} bytes.");
        }

        (DurationSeconds, Width, Height, Status, UpdatedAt) = (durationSeconds, width, height, VideoStatus.Queued, now);
    }

    /// <summary>A rendition finished or failed: stamps the row, so two workers finishing at once conflict (xmin) and retry.</summary>
    public void Touch(DateTimeOffset now) => UpdatedAt = now;

    /// <summary>Every rendition is encoded and the master playlist written: the lecture can play this video.</summary>
    public void MarkReady(string masterPlaylistPath, DateTimeOffset now)
    {
        if (Status != VideoStatus.Processing)
        {
            throw new DomainException("VIDEO_NOT_PROCESSING", $"The video is {Status.ToString().ToLowerInvariant()}.");
        }

        (Status, MasterPlaylistPath, UpdatedAt) = (VideoStatus.Ready, masterPlaylistPath, now);
        Raise(new VideoReady(Id, LectureId, CourseId, UploadedBy));
    }

    public void Fail(string code, string message, DateTimeOffset now) =>
        (Status, ErrorCode, Error, UpdatedAt) = (VideoStatus.Failed, code, message, now);

    private void EnsureUploading()
    {
        if (Status != VideoStatus.Uploading)
        {
            throw new DomainException("UPLOAD_CLOSED", $"The upload is closed: the video is {Status.ToString().ToLowerInvariant()}.");
        }
    }
}

/// <summary>A lecture's video finished transcoding and can be played.</summary>
public sealed record VideoReady(Guid VideoId, Guid LectureId, Guid CourseId, Guid UploadedBy) : IDomainEvent;
