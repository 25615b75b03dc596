using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Domain.Community;
using LectureHub.Domain.Users;

namespace LectureHub.Application.Community;

/// <summary>Who may see and change community writing, and the errors that say no.</summary>
internal static class CommunityAccess
{
    public static NotFoundException BoardNotFound(Guid id) => new("BOARD_NOT_FOUND", $"Board {id} does not exist.");

    public static NotFoundException PostNotFound(Guid id) => new("POST_NOT_FOUND", $"Post {id} does not exist.");

    public static NotFoundException CommentNotFound(Guid id) => new("COMMENT_NOT_FOUND", $"Comment {id} does not exist.");

    public static bool IsAdmin(this ICurrentUser user) => user.Role == Role.Admin;

    /// <summary>A hidden post exists only for its author and Admins; to everyone else it is 404, like a missing one.</summary>
    public static bool CanSee(this ICurrentUser user, Guid authorId, bool hidden) => !hidden || user.IsAdmin() || user.UserId == authorId;

    public static async Task<Post> LoadPostAsync(this IRepository<Post> posts, ICurrentUser user, Guid id, CancellationToken ct)
    {
        var post = await posts.GetByIdAsync(id, ct);
        return post is not null && user.CanSee(post.AuthorId, post.IsHidden) ? post : throw PostNotFound(id);
    }

    /// <summary>A post its author may change: 404 if the caller cannot see it, 403 unless they wrote it.</summary>
    public static async Task<Post> LoadOwnPostAsync(this IRepository<Post> posts, ICurrentUser user, Guid id, CancellationToken ct)
    {
        var post = await posts.LoadPostAsync(user, id, ct);
        EnsureAuthor(user, post.AuthorId, "post");
        return post;
    }

    public static async Task<Comment> LoadCommentAsync(this IRepository<Comment> comments, ICurrentUser user, Guid id, CancellationToken ct)
    {
        var comment = await comments.GetByIdAsync(id, ct);
        return comment is not null && user.CanSee(comment.AuthorId, comment.IsHidden) ? comment : throw CommentNotFound(id);
    }

    public static void EnsureAuthor(ICurrentUser user, Guid authorId, string what)
    {
        if (user.RequiredUserId != authorId)
        {
            throw new ForbiddenException("NOT_AUTHOR", $"Only the author can change this {what}.");
        }
    }
}
