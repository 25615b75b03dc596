namespace LectureHub.Application.Community;

/// <summary>
/// Counts a post's views without writing to PostgreSQL on each read: one view per viewer per post per 24 hours is
/// buffered in Redis and flushed to post_stats in batches (Infrastructure's PostViewFlusher).
/// </summary>
public interface IPostViewCounter
{
    /// <summary>Counts the view unless this viewer viewed the post in the last 24 hours. Never fails the read.</summary>
    Task RecordAsync(Guid postId, string viewer, CancellationToken cancellationToken);
}
