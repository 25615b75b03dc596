using LectureHub.Application.Abstractions;
using LectureHub.Domain.Media;
using Microsoft.Extensions.Logging;

namespace LectureHub.Application.Media.Events;

/// <summary>
/// A Ready video needs its source no more on this machine: with S3 storage the transcoder read a downloaded copy,
/// which would otherwise stay on disk for good. (A failed video keeps it, for a retried rendition.)
/// </summary>
internal sealed class ReleaseSourceCopy(IReadDb db, IVideoStorage storage, ILogger<ReleaseSourceCopy> logger) : IDomainEventHandler<VideoReady>
{
    public async Task HandleAsync(VideoReady domainEvent, CancellationToken cancellationToken)
    {
        var key = await db.Primary.QuerySingleOrDefaultAsync<string>("SELECT source_key FROM lecture_videos WHERE id = @VideoId", new { domainEvent.VideoId }, cancellationToken);
        if (key is not null)
        {
            await storage.ReleaseLocalCopyAsync(key, cancellationToken);
            logger.LogInformation("Video {VideoId}: local copy of the source released", domainEvent.VideoId);
        }
    }
}
