namespace LectureHub.Application.Reviews;

/// <summary>
/// "Helpful" votes on reviews: one row per voter, and the review's counter changed in the same statement, so the counter
/// always equals the rows. Voting and taking a vote back are idempotent. Returns the count after the change.
/// </summary>
public interface IReviewVotes
{
    Task<int> MarkHelpfulAsync(Guid reviewId, Guid userId, DateTimeOffset now, CancellationToken cancellationToken);

    Task<int> UnmarkHelpfulAsync(Guid reviewId, Guid userId, CancellationToken cancellationToken);
}
