namespace LectureHub.Infrastructure.Community;

/// <summary>
/// A post's counters, apart from its row: a view flush or a reaction rewrites this narrow row, never the post with its
/// body and search index. The board is copied here so each counter sort walks one index per board.
/// </summary>
public sealed class PostStatsRow
{
    public Guid PostId { get; init; }

    public Guid BoardId { get; init; }

    public int ViewCount { get; init; }

    public int CommentCount { get; init; }

    public int LikeCount { get; init; }

    public int DislikeCount { get; init; }

    /// <summary>Reactions and comments in the last 7 days, refreshed by <see cref="HotScoreRefresher"/>.</summary>
    public int HotScore { get; init; }
}
