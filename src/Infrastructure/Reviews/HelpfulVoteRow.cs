namespace LectureHub.Infrastructure.Reviews;

/// <summary>One "helpful" vote: the row is the truth, the review's helpful_count follows it.</summary>
public sealed class HelpfulVoteRow
{
    public Guid ReviewId { get; init; }

    public Guid UserId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
