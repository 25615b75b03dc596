using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Domain.Media;
using Mediator;

namespace LectureHub.Application.Media.Commands;

/// <summary>Queues one failed rendition again (its uploader or an Admin); the renditions already done are kept.</summary>
public sealed record RetryRenditionCommand(Guid UploadId, int Height) : ICommand<VideoUploadDto>;

internal sealed class RetryRenditionHandler(
    IRepository<LectureVideo> videos, IRepository<TranscodeJob> jobs, IVideoStorage storage, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RetryRenditionCommand, VideoUploadDto>
{
    public async ValueTask<VideoUploadDto> Handle(RetryRenditionCommand command, CancellationToken cancellationToken)
    {
        var video = await videos.LoadUploadAsync(currentUser, command.UploadId, cancellationToken);
        var job = await jobs.SingleOrDefaultAsync(new RenditionJobSpec(video.Id, command.Height), cancellationToken)
                  ?? throw new NotFoundException("RENDITION_NOT_FOUND", $"The video has no {command.Height}p rendition.");
        job.Retry();
        video.Touch(clock.GetUtcNow());
        return VideoUploadDto.From(video, storage, await jobs.ListAsync(new JobsOfVideoSpec(video.Id), cancellationToken));
    }
}
