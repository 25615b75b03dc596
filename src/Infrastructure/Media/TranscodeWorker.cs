using System.Globalization;
using Dapper;
using LectureHub.Application.Media;
using LectureHub.Application.Media.Commands;
using LectureHub.Application.Observability;
using LectureHub.Infrastructure.Persistence;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LectureHub.Infrastructure.Media;

/// <summary>
/// Encodes queued renditions with ffmpeg, one at a time per instance. Jobs are rows in transcode_jobs, taken with
/// FOR UPDATE SKIP LOCKED and a lease; the worker renews the lease with a heartbeat while ffmpeg runs (and reports
/// progress). A job whose heartbeats stop (a crashed instance) is taken again once its lease has run out; a worker
/// that finds its lease taken over stops encoding.
/// </summary>
internal sealed class TranscodeWorker(
    DataSources dataSources,
    IServiceScopeFactory scopes,
    IVideoStorage storage,
    IOptions<MediaOptions> media,
    IOptions<TranscodeOptions> options,
    TimeProvider clock,
    LectureHubMetrics metrics,
    ILogger<TranscodeWorker> logger) : BackgroundService
{
    private const string ClaimSql = """
        UPDATE transcode_jobs j
        SET status = 'Running', lease_owner = @Owner, lease_until = @LeaseUntil, heartbeat_at = @Now, attempts = j.attempts + 1, progress_percent = 0
        FROM (SELECT id, status AS was FROM transcode_jobs
              WHERE status = 'Queued' OR (status = 'Running' AND lease_until < @Now)
              ORDER BY created_at
              LIMIT 1
              FOR UPDATE SKIP LOCKED) due
        WHERE j.id = due.id
        RETURNING j.id AS "Id", j.video_id AS "VideoId", j.height AS "Height", j.video_kbps AS "VideoKbps",
                  j.attempts AS "Attempt", due.was = 'Running' AS "TakenOver"
        """;

    /// <summary>
    /// The source to encode; a Queued (or a retried Failed) video becomes Processing when a rendition starts. One round
    /// trip: the SELECT reads the statement's snapshot, and the columns it reads are not the ones the UPDATE changes.
    /// </summary>
    private const string SourceSql = """
        WITH processing AS (
            UPDATE lecture_videos SET status = 'Processing', error_code = NULL, error = NULL, updated_at = @Now
            WHERE id = @VideoId AND status IN ('Queued', 'Failed'))
        SELECT source_key AS "SourceKey", duration_seconds AS "DurationSeconds" FROM lecture_videos WHERE id = @VideoId
        """;

    private const string HeartbeatSql = """
        UPDATE transcode_jobs SET progress_percent = @Progress, heartbeat_at = @Now, lease_until = @LeaseUntil
        WHERE id = @Id AND lease_owner = @Owner AND status = 'Running'
        """;

    /// <summary>Unique per process start: a restarted instance does not mistake its predecessor's leases for its own.</summary>
    internal string Owner { get; } = Truncate($"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}", 100);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromSeconds(options.Value.PollIntervalSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await RunOneAsync(stoppingToken))
                {
                    // Another job may be waiting: take it without sleeping.
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Transcode worker failed; retrying after the poll interval");
            }

            await Task.Delay(poll, clock, stoppingToken);
        }
    }

    /// <summary>Takes one due job and encodes it; false when none was due.</summary>
    internal async Task<bool> RunOneAsync(CancellationToken cancellationToken)
    {
        Job? job;
        Source? source;
        await using (var connection = await dataSources.Primary.OpenConnectionAsync(cancellationToken))
        {
            var now = clock.GetUtcNow();
            job = await connection.QuerySingleOrDefaultAsync<Job>(new CommandDefinition(ClaimSql,
                new { Owner, Now = now, LeaseUntil = now.AddSeconds(options.Value.LeaseSeconds) }, cancellationToken: cancellationToken));
            if (job is null)
            {
                return false;
            }

            source = await connection.QuerySingleAsync<Source>(new CommandDefinition(SourceSql, new { job.VideoId, Now = now }, cancellationToken: cancellationToken));
        }

        logger.LogInformation("Encoding {Height}p of video {VideoId} (job {JobId})", job.Height, job.VideoId, job.Id);
        if (job.TakenOver)
        {
            metrics.TranscodeTakeovers.Add(1);
        }
        else if (job.Attempt > 1)
        {
            metrics.TranscodeRetries.Add(1);
        }

        using var activity = LectureHubMetrics.Activities.StartActivity($"transcode {job.Height}p");
        var started = clock.GetTimestamp();
        string? error;
        try
        {
            error = await EncodeAsync(job, source, cancellationToken);
        }
        catch (LeaseLostException)
        {
            logger.LogWarning("Job {JobId} was taken over by another worker; its encode was stopped", job.Id);
            Timed(job, started, "lease_lost");
            return true;
        }

        Timed(job, started, error is null ? "done" : "failed");

        await FinishAsync(job, error, cancellationToken);
        return true;
    }

    private async Task<string?> EncodeAsync(Job job, Source source, CancellationToken cancellationToken)
    {
        // Encode into a folder of this attempt's own and move it into place when done: a worker that lost its lease
        // while stalled can never write into the folder of the worker that took the job over.
        var folder = Path.Combine(media.Value.Root, "cdn", HlsPackager.VideoFolder(job.VideoId));
        var output = Path.Combine(folder, $".{job.Height}p-{Guid.NewGuid():N}");
        Directory.CreateDirectory(output);
        var input = await storage.LocalPathAsync(source.SourceKey, cancellationToken);
        using var encode = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var progress = 0;
        var lastBeat = clock.GetUtcNow();
        var leaseLost = false;

        async Task OnProgress(string line)
        {
            if (line.StartsWith("out_time_us=", StringComparison.Ordinal) && long.TryParse(line.AsSpan(12), CultureInfo.InvariantCulture, out var us) && source.DurationSeconds > 0)
            {
                progress = (int)Math.Clamp(us / 1e4 / source.DurationSeconds, 0, 99);
            }

            if (clock.GetUtcNow() - lastBeat >= TimeSpan.FromSeconds(options.Value.HeartbeatSeconds))
            {
                lastBeat = clock.GetUtcNow();
                if (!await HeartbeatAsync(job.Id, progress, cancellationToken))
                {
                    leaseLost = true;
                    await encode.CancelAsync();
                }
            }
        }

        try
        {
            var (exitCode, _, stderr) = await MediaTool.RunAsync(media.Value.FfmpegPath, Arguments(job, input, output),
                TimeSpan.FromMinutes(options.Value.TimeoutMinutes), encode.Token, OnProgress);
            if (exitCode != 0)
            {
                return $"ffmpeg exited with {exitCode}: {Last(stderr, 500)}";
            }

            var final = Path.Combine(folder, $"{job.Height}p");
            if (Directory.Exists(final))
            {
                Directory.Delete(final, recursive: true);
            }

            Directory.Move(output, final);
            return null;
        }
        catch (OperationCanceledException) when (leaseLost)
        {
            throw new LeaseLostException();
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"The encode took longer than {options.Value.TimeoutMinutes} minutes.";
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    private List<string> Arguments(Job job, string input, string output)
    {
        var segment = options.Value.SegmentSeconds.ToString(CultureInfo.InvariantCulture);
        var kbps = job.VideoKbps;
        return
        [
            "-hide_banner", "-nostdin", "-y", "-loglevel", "error", "-progress", "pipe:1", "-nostats", "-i", input,
            "-map", "0:v:0", "-map", "0:a:0?",
            "-vf", $"scale=-2:{job.Height.ToString(CultureInfo.InvariantCulture)}", "-pix_fmt", "yuv420p",
            "-c:v", "libx264", "-preset", options.Value.Preset, "-profile:v", "main",
            "-b:v", Kbps(kbps), "-maxrate", Kbps(kbps * 107 / 100), "-bufsize", Kbps(kbps * 3 / 2),
            "-force_key_frames", $"expr:gte(t,n_forced*{segment})", "-sc_threshold", "0",
            "-c:a", "aac", "-b:a", Kbps(Domain.Media.Rendition.AudioKbps), "-ac", "2", "-ar", "48000",
            "-f", "hls", "-hls_time", segment, "-hls_playlist_type", "vod", "-hls_segment_type", "fmp4",
            "-hls_fmp4_init_filename", "init.mp4", "-hls_segment_filename", Path.Combine(output, "seg-%05d.m4s"),
            Path.Combine(output, "index.m3u8"),
        ];
    }

    private async Task<bool> HeartbeatAsync(Guid jobId, int progress, CancellationToken cancellationToken)
    {
        await using var connection = await dataSources.Primary.OpenConnectionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return await connection.ExecuteAsync(new CommandDefinition(HeartbeatSql,
            new { Id = jobId, Owner, Progress = progress, Now = now, LeaseUntil = now.AddSeconds(options.Value.LeaseSeconds) }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>Reports the outcome; two renditions of one video finishing at once conflict on the video row, so retry.</summary>
    private async Task FinishAsync(Job job, string? error, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            try
            {
                var status = await scope.ServiceProvider.GetRequiredService<ISender>()
                    .Send(new FinishRenditionCommand(job.Id, Owner, error, options.Value.MaxAttempts), cancellationToken);
                logger.LogInformation("{Height}p of video {VideoId} {Outcome}; the video is {Status}", job.Height, job.VideoId, error is null ? "done" : "failed: " + error, status);
                return;
            }
            catch (Domain.Common.DomainException ex) when (ex.Code == "TRANSCODE_LEASE_LOST")
            {
                // Stalled past its lease: another worker took the job over and reports it instead.
                logger.LogWarning("Job {JobId} was taken over while this worker finished it; its outcome is dropped", job.Id);
                return;
            }
            catch (Application.Common.Exceptions.ConflictException ex) when (ex.Code == "CONCURRENCY_CONFLICT" && attempt < 5)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt), clock, cancellationToken);
            }
        }
    }

    private static string Kbps(int kbps) => kbps.ToString(CultureInfo.InvariantCulture) + "k";

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    private static string Last(string text, int length) => text.Length <= length ? text.Trim() : text[^length..].Trim();

    private void Timed(Job job, long started, string outcome) => metrics.RenditionDuration.Record(clock.GetElapsedTime(started).TotalSeconds,
        new KeyValuePair<string, object?>("rung", $"{job.Height}p"), new KeyValuePair<string, object?>("outcome", outcome));

    private sealed record Job(Guid Id, Guid VideoId, int Height, int VideoKbps, int Attempt, bool TakenOver);

    private sealed record Source(string SourceKey, double DurationSeconds);

    private sealed class LeaseLostException : Exception;
}
