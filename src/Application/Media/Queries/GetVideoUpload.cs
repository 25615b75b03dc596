using LectureHub.Application.Abstractions;
using LectureHub.Domain.Media;
using Mediator;

namespace LectureHub.Application.Media.Queries;

/// <summary>
/// An upload's state, for its uploader or an Admin. While it is open, <c>receivedBytes</c> is what storage holds, so a
/// client resuming after a dropped connection continues from the right byte even if the last chunk's answer was lost.
/// Read from the primary through EF: it is the uploader's own, just-written state.
/// </summary>
public sealed record GetVideoUploadQuery(Guid UploadId) : IQuery<VideoUploadDto>;

internal sealed class GetVideoUploadHandler(IRepository<LectureVideo> videos, IRepository<TranscodeJob> jobs, IVideoStorage storage, ICurrentUser currentUser)
    : IQueryHandler<GetVideoUploadQuery, VideoUploadDto>
{
    public async ValueTask<VideoUploadDto> Handle(GetVideoUploadQuery query, CancellationToken cancellationToken)
    {
        var video = await videos.LoadUploadAsync(currentUser, query.UploadId, cancellationToken);
        var dto = VideoUploadDto.From(video, storage, await jobs.ListAsync(new JobsOfVideoSpec(video.Id), cancellationToken));
        return video.Status == VideoStatus.Uploading
            ? dto with { ReceivedBytes = await storage.LengthAsync(video.SourceKey, cancellationToken) }
            : dto;
    }
}
