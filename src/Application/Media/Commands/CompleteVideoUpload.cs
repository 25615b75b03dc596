using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Domain.Media;
using Mediator;

namespace LectureHub.Application.Media.Commands;

/// <summary>
/// The client has sent the whole file to the upload's URL (S3: one presigned PUT straight to the bucket) and says so.
/// Storage must hold exactly the declared size; then the upload closes as a chunked one does (ffprobe, then the
/// transcode jobs). Safe to repeat: a closed upload answers with its state.
/// </summary>
public sealed record CompleteVideoUploadCommand(Guid UploadId) : ICommand<VideoUploadDto>;

internal sealed class CompleteVideoUploadHandler(
    IRepository<LectureVideo> videos, IRepository<TranscodeJob> jobs, IVideoStorage storage, IMediaProbe probe, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<CompleteVideoUploadCommand, VideoUploadDto>
{
    public async ValueTask<VideoUploadDto> Handle(CompleteVideoUploadCommand command, CancellationToken cancellationToken)
    {
        var video = await videos.LoadUploadAsync(currentUser, command.UploadId, cancellationToken);
        if (video.Status != VideoStatus.Uploading)
        {
            return VideoUploadDto.From(video, storage, await jobs.ListAsync(new JobsOfVideoSpec(video.Id), cancellationToken));
        }

        var stored = await storage.LengthAsync(video.SourceKey, cancellationToken);
        if (stored != video.SizeBytes)
        {
            throw new ConflictException("UPLOAD_INCOMPLETE",
                $"Storage holds {stored} bytes of the {video.SizeBytes} declared. Send the whole file to the upload URL, then complete again.");
        }

        video.Received(stored, clock.GetUtcNow());
        return await VideoAccess.CloseUploadAsync(video, storage, probe, jobs, clock, cancellationToken);
    }
}
