using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Domain.Media;
using Mediator;

namespace LectureHub.Application.Media.Commands;

/// <summary>
/// The transcode worker reports one rendition: done (Error null) or failed. When the last rendition is done, the master
/// playlist is written and the video becomes Ready (VideoReady goes out through the outbox). A rendition that runs out
/// of attempts fails the video with its error; it can be retried on its own.
/// </summary>
public sealed record FinishRenditionCommand(Guid JobId, string LeaseOwner, string? Error, int MaxAttempts) : ICommand<VideoStatus>;

internal sealed class FinishRenditionHandler(
    IRepository<TranscodeJob> jobs, IRepository<LectureVideo> videos, IRepository<LectureSubtitle> subtitles, IHlsPackager packager, TimeProvider clock)
    : ICommandHandler<FinishRenditionCommand, VideoStatus>
{
    public async ValueTask<VideoStatus> Handle(FinishRenditionCommand command, CancellationToken cancellationToken)
    {
        var job = await jobs.GetByIdAsync(command.JobId, cancellationToken) ?? throw new NotFoundException("TRANSCODE_JOB_NOT_FOUND", $"Job {command.JobId} does not exist.");
        var video = await videos.GetByIdAsync(job.VideoId, cancellationToken) ?? throw VideoAccess.UploadNotFound(job.VideoId);
        var now = clock.GetUtcNow();
        video.Touch(now);
        if (command.Error is { } error)
        {
            if (job.Fail(command.LeaseOwner, error, command.MaxAttempts))
            {
                video.Fail("TRANSCODE_FAILED", $"The {job.Height}p rendition failed: {error}", now);
            }

            return video.Status;
        }

        job.Complete(command.LeaseOwner);
        var all = await jobs.ListAsync(new JobsOfVideoSpec(video.Id), cancellationToken);
        if (all.All(j => j.Status == TranscodeJobStatus.Done) && video.Status == VideoStatus.Processing)
        {
            var master = await packager.WriteMasterAsync(video, all, await subtitles.ListAsync(new SubtitlesOfLectureSpec(video.LectureId), cancellationToken), cancellationToken);
            video.MarkReady(master, now);
        }

        return video.Status;
    }
}
