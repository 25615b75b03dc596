using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Domain.Media;
using Mediator;

namespace LectureHub.Application.Media.Commands;

/// <summary>
/// One chunk of a resumable upload (<c>Content-Range: bytes first-last/total</c>). A chunk must start where the stored
/// bytes end; after a dropped connection the client reads <c>receivedBytes</c> and continues from there. The last
/// chunk closes the upload: ffprobe must find a video in it (then one transcode job per rendition is queued), or the
/// upload fails with NOT_A_VIDEO.
/// </summary>
public sealed record AppendVideoChunkCommand(Guid UploadId, long First, long Last, long Total, Stream Chunk) : ICommand<VideoUploadDto>;

internal sealed class AppendVideoChunkHandler(
    IRepository<LectureVideo> videos, IRepository<TranscodeJob> jobs, IVideoStorage storage, IMediaProbe probe, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<AppendVideoChunkCommand, VideoUploadDto>
{
    public async ValueTask<VideoUploadDto> Handle(AppendVideoChunkCommand command, CancellationToken cancellationToken)
    {
        var video = await videos.LoadUploadAsync(currentUser, command.UploadId, cancellationToken);
        if (command.Total != video.SizeBytes || command.Last >= video.SizeBytes || command.First > command.Last)
        {
            throw new BadRequestException("CONTENT_RANGE_INVALID", $"Content-Range must lie within the declared size, bytes 0-{video.SizeBytes - 1}/{video.SizeBytes}.");
        }

        if (video.Status != VideoStatus.Uploading)
        {
            throw new ConflictException("UPLOAD_CLOSED", $"The upload is closed: the video is {video.Status.ToString().ToLowerInvariant()}.");
        }

        if (!storage.AcceptsChunks)
        {
            throw new ConflictException("UPLOAD_GOES_TO_STORAGE", "This upload goes straight to object storage: PUT the file to upload.url, then POST /video-uploads/{id}/complete.");
        }

        long stored;
        try
        {
            stored = await storage.AppendAsync(video.SourceKey, command.First, command.Chunk, command.Last - command.First + 1, cancellationToken);
        }
        catch (UploadOffsetException ex)
        {
            throw new ConflictException("UPLOAD_OFFSET_MISMATCH", $"{ex.Message} Continue from byte {ex.StoredBytes}.");
        }

        video.Received(stored, clock.GetUtcNow());
        if (video.IsComplete)
        {
            return await VideoAccess.CloseUploadAsync(video, storage, probe, jobs, clock, cancellationToken);
        }

        return VideoUploadDto.From(video, storage);
    }
}
