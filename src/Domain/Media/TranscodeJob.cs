using LectureHub.Domain.Common;

namespace LectureHub.Domain.Media;

public enum TranscodeJobStatus
{
    Queued,
    Running,
    Done,
    Failed,
}

/// <summary>One rung of the HLS ladder: its height and the H.264 video bitrate it is encoded at.</summary>
public sealed record Rendition(int Height, int VideoKbps)
{
    public const int AudioKbps = 128;

    /// <summary>360p, 480p, 720p and 1080p: what a phone on a building site can switch between.</summary>
    public static readonly IReadOnlyList<Rendition> Ladder = [new(360, 800), new(480, 1400), new(720, 2800), new(1080, 5000)];

    /// <summary>The rungs a source can fill without upscaling; a source below 360p gets one rung at its own height.</summary>
    public static IReadOnlyList<Rendition> For(int sourceHeight)
    {
        var rungs = Ladder.Where(r => r.Height <= sourceHeight).ToList();
        return rungs.Count > 0 ? rungs : [new(sourceHeight - (sourceHeight % 2), Ladder[0].VideoKbps * sourceHeight / Ladder[0].Height)];
    }
}

/// <summary>
/// Encoding one rendition of a video: a row in the database job queue. A worker takes it with a lease and keeps the
/// lease alive with heartbeats; a job whose heartbeats stop is taken again when its lease runs out.
/// </summary>
public sealed class TranscodeJob : Entity
{
    private TranscodeJob()
    {
    }

    public Guid VideoId { get; private set; }

    public int Height { get; private set; }

    public int VideoKbps { get; private set; }

    public TranscodeJobStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public int ProgressPercent { get; private set; }

    public string? LeaseOwner { get; private set; }

    public DateTimeOffset? LeaseUntil { get; private set; }

    public DateTimeOffset? HeartbeatAt { get; private set; }

    public string? Error { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static IReadOnlyList<TranscodeJob> ForVideo(LectureVideo video, DateTimeOffset now) =>
        Rendition.For(video.Height ?? throw new DomainException("VIDEO_NOT_PROBED", "The video has not been probed."))
            .Select(r => new TranscodeJob { VideoId = video.Id, Height = r.Height, VideoKbps = r.VideoKbps, Status = TranscodeJobStatus.Queued, CreatedAt = now })
            .ToList();

    /// <summary>The worker holding the lease finished encoding.</summary>
    public void Complete(string leaseOwner)
    {
        EnsureHeldBy(leaseOwner);
        (Status, ProgressPercent, Error, LeaseUntil) = (TranscodeJobStatus.Done, 100, null, null);
    }

    /// <summary>The encode failed: queued again while attempts remain, else Failed with the error. True when it gave up.</summary>
    public bool Fail(string leaseOwner, string error, int maxAttempts)
    {
        EnsureHeldBy(leaseOwner);
        (Status, Error, LeaseUntil) = (Attempts >= maxAttempts ? TranscodeJobStatus.Failed : TranscodeJobStatus.Queued, error, null);
        return Status == TranscodeJobStatus.Failed;
    }

    /// <summary>A failed rendition is queued again on its own; the others keep their output.</summary>
    public void Retry()
    {
        if (Status != TranscodeJobStatus.Failed)
        {
            throw new DomainException("RENDITION_NOT_FAILED", $"The {Height}p rendition is {Status.ToString().ToLowerInvariant()}; only a failed one is retried.");
        }

        (Status, Attempts, ProgressPercent, Error, LeaseOwner, LeaseUntil) = (TranscodeJobStatus.Queued, 0, 0, null, null, null);
    }

    private void EnsureHeldBy(string leaseOwner)
    {
        if (Status != TranscodeJobStatus.Running || LeaseOwner != leaseOwner)
        {
            throw new DomainException("TRANSCODE_LEASE_LOST", $"The {Height}p job is no longer held by {leaseOwner}.");
        }
    }
}
