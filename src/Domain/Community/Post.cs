using LectureHub.Domain.Common;

namespace LectureHub.Domain.Community;

/// <summary>
/// A post on a board. The body is Markdown, stored with its sanitized HTML (rendered once, on write). A deleted post
/// keeps its row, so its comment thread stays readable; hidden (by an Admin) it is invisible to everyone but its author
/// and Admins; locked, it takes no new comments. Counters (views, comments, reactions) live in post_stats, apart from
/// this row, so a reaction never rewrites the post and its search index.
/// </summary>
public sealed class Post : Entity
{
    public const int MaxTitleLength = 150;
    public const int MaxBodyLength = 20_000;

    private Post()
    {
    }

    public Guid BoardId { get; private set; }

    public Guid AuthorId { get; private set; }

    public string Title { get; private set; } = "";

    public string BodyMarkdown { get; private set; } = "";

    public string BodyHtml { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? EditedAt { get; private set; }

    public DateTimeOffset? DeletedAt { get; private set; }

    public bool IsHidden { get; private set; }

    public bool IsLocked { get; private set; }

    public DateTimeOffset? PinnedAt { get; private set; }

    public bool IsVisible => DeletedAt is null && !IsHidden;

    public static Post Write(Guid boardId, Guid authorId, string title, RenderedText body, DateTimeOffset now) =>
        new() { BoardId = boardId, AuthorId = authorId, Title = title.Trim(), BodyMarkdown = body.Markdown, BodyHtml = body.Html, CreatedAt = now };

    public void Edit(string title, RenderedText body, DateTimeOffset now)
    {
        EnsureNotDeleted();
        (Title, BodyMarkdown, BodyHtml, EditedAt) = (title.Trim(), body.Markdown, body.Html, now);
        Raise(new PostChanged(Id));
    }

    /// <summary>Idempotent: deleting a deleted post changes nothing.</summary>
    public void Delete(DateTimeOffset now)
    {
        if (DeletedAt is null)
        {
            DeletedAt = now;
            Raise(new PostChanged(Id));
        }
    }

    /// <summary>An Admin's decisions; each null leaves that flag as it is.</summary>
    public void Moderate(bool? hidden, bool? locked, bool? pinned, DateTimeOffset now)
    {
        IsHidden = hidden ?? IsHidden;
        IsLocked = locked ?? IsLocked;
        PinnedAt = pinned switch { true => PinnedAt ?? now, false => null, null => PinnedAt };
        Raise(new PostChanged(Id));
    }

    /// <summary>A new comment needs a live, unlocked post.</summary>
    public void EnsureOpenForComments()
    {
        EnsureNotDeleted();
        if (IsLocked)
        {
            throw new DomainException("POST_LOCKED", "The post is locked: it takes no new comments.");
        }
    }

    private void EnsureNotDeleted()
    {
        if (DeletedAt is not null)
        {
            throw new DomainException("POST_DELETED", "The post was deleted.");
        }
    }
}

/// <summary>A post's content or flags changed; its handler purges the cached copy.</summary>
public sealed record PostChanged(Guid PostId) : IDomainEvent;
