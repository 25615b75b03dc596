using LectureHub.Domain.Common;

namespace LectureHub.Domain.Community;

/// <summary>
/// A comment on a post, or a reply to one (one level: a reply to a reply joins its thread). A deleted comment keeps its
/// place in the thread, shown as deleted. Its like and dislike counters are columns of its row, changed by single
/// statements with the reaction rows (the comment carries no concurrency token, and EF writes only the columns a
/// command changed, so an edit never overwrites a counter).
/// </summary>
public sealed class Comment : Entity
{
    public const int MaxBodyLength = 3_000;

    private Comment()
    {
    }

    public Guid PostId { get; private set; }

    /// <summary>The top-level comment this one replies to; null for a top-level comment.</summary>
    public Guid? ParentId { get; private set; }

    /// <summary>The thread's top-level comment (its own id for a top-level one): threads list in order of (thread, id).</summary>
    public Guid ThreadId { get; private set; }

    public Guid AuthorId { get; private set; }

    public string BodyMarkdown { get; private set; } = "";

    public string BodyHtml { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? EditedAt { get; private set; }

    public DateTimeOffset? DeletedAt { get; private set; }

    public bool IsHidden { get; private set; }

    public bool IsVisible => DeletedAt is null && !IsHidden;

    public static Comment Write(Post post, Comment? replyTo, Guid authorId, RenderedText body, DateTimeOffset now)
    {
        post.EnsureOpenForComments();
        if (replyTo is not null && (replyTo.PostId != post.Id || !replyTo.IsVisible))
        {
            throw new DomainException("COMMENT_NOT_REPLYABLE", "Replies go to a visible comment on the same post.");
        }

        var comment = new Comment
        {
            PostId = post.Id, ParentId = replyTo?.ThreadId, AuthorId = authorId, BodyMarkdown = body.Markdown, BodyHtml = body.Html, CreatedAt = now,
        };
        comment.ThreadId = replyTo?.ThreadId ?? comment.Id;
        comment.Raise(new CommentWritten(comment.Id, post.Id, replyTo?.Id));
        return comment;
    }

    public void Edit(RenderedText body, DateTimeOffset now)
    {
        if (DeletedAt is not null)
        {
            throw new DomainException("COMMENT_DELETED", "The comment was deleted.");
        }

        (BodyMarkdown, BodyHtml, EditedAt) = (body.Markdown, body.Html, now);
        Raise(new CommentChanged(PostId));
    }

    /// <summary>Returns whether the comment stopped being visible (so the post's comment count moves).</summary>
    public bool Delete(DateTimeOffset now)
    {
        if (DeletedAt is not null)
        {
            return false;
        }

        var wasVisible = IsVisible;
        DeletedAt = now;
        Raise(new CommentChanged(PostId));
        return wasVisible;
    }

    /// <summary>An Admin hides or shows it again; returns the change in visible comments (-1, 0 or +1).</summary>
    public int Hide(bool hidden)
    {
        var wasVisible = IsVisible;
        IsHidden = hidden;
        Raise(new CommentChanged(PostId));
        return (IsVisible ? 1 : 0) - (wasVisible ? 1 : 0);
    }
}

/// <summary>A comment was edited, deleted or hidden: the post's cached thread goes.</summary>
public sealed record CommentChanged(Guid PostId) : IDomainEvent;

/// <summary>A comment was written: the post's cached thread goes, and a reply notifies the author of the comment it answers.</summary>
public sealed record CommentWritten(Guid CommentId, Guid PostId, Guid? RepliedToCommentId) : IDomainEvent;
