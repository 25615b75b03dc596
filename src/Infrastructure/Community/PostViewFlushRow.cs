namespace LectureHub.Infrastructure.Community;

/// <summary>A view batch already added to post_stats: a batch claimed again after its flusher died adds nothing twice.</summary>
public sealed class PostViewFlushRow
{
    public Guid BatchId { get; init; }

    public DateTimeOffset FlushedAt { get; init; }
}
