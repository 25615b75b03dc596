using LectureHub.Domain.Community;

namespace LectureHub.Infrastructure.Community;

/// <summary>One user's reaction to a post or comment: the rows are the truth, the counters follow them (see CommunityStats).</summary>
public abstract class ReactionRow
{
    public Guid TargetId { get; init; }

    public Guid UserId { get; init; }

    public ReactionKind Kind { get; init; }

    /// <summary>When the reaction was made or last switched; the hot score counts the last 7 days of these.</summary>
    public DateTimeOffset ReactedAt { get; init; }
}

public sealed class PostReactionRow : ReactionRow;

public sealed class CommentReactionRow : ReactionRow;
