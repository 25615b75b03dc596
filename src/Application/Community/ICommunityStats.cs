using LectureHub.Domain.Community;

namespace LectureHub.Application.Community;

/// <summary>What a reaction is on: a post (counters in post_stats) or a comment (counters on its row).</summary>
public enum ReactionTarget
{
    Post,
    Comment,
}

public sealed record ReactionCounts(int Likes, int Dislikes);

/// <summary>
/// The counters beside posts and comments, each changed by a single statement with the rows it counts, inside the
/// command's transaction: the counters always equal the rows, however many toggles race. Reacting is idempotent.
/// </summary>
public interface ICommunityStats
{
    /// <summary>Starts a new post's counters at zero, in the same save as the post.</summary>
    void Start(Post post);

    /// <summary>Moves the post's visible-comment counter.</summary>
    Task CountCommentAsync(Guid postId, int delta, CancellationToken cancellationToken);

    /// <summary>Sets the user's reaction (inserting or switching it); returns the counts after the change.</summary>
    Task<ReactionCounts> ReactAsync(ReactionTarget target, Guid targetId, Guid userId, ReactionKind kind, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Takes the user's reaction back, if any; returns the counts after the change.</summary>
    Task<ReactionCounts> UnreactAsync(ReactionTarget target, Guid targetId, Guid userId, CancellationToken cancellationToken);

    /// <summary>
    /// Adds a flushed batch of views, once: a batch id already applied (its flusher died before acknowledging it and
    /// the batch was claimed again) adds nothing. Returns whether the batch was applied now.
    /// </summary>
    Task<bool> AddViewsOnceAsync(Guid batchId, IReadOnlyList<PostViews> views, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>New views of one post in a flushed batch.</summary>
public sealed record PostViews(Guid PostId, int Views);
