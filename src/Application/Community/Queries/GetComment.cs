using LectureHub.Application.Abstractions;
using Mediator;

namespace LectureHub.Application.Community.Queries;

/// <summary>One comment, as its thread shows it (what a write returns to its author, and a link to a comment).</summary>
public sealed record GetCommentQuery(Guid CommentId) : IQuery<CommentDto>;

/// <summary>A comment on a post the caller may not see (hidden) is as missing as the post.</summary>
internal sealed class GetCommentHandler(IReadDb db, ICache cache, ICurrentUser currentUser) : IQueryHandler<GetCommentQuery, CommentDto>
{
    public async ValueTask<CommentDto> Handle(GetCommentQuery query, CancellationToken cancellationToken)
    {
        var row = await db.QuerySingleOrDefaultAsync<CommentRow>(ListCommentsHandler.Select + " WHERE c.id = @CommentId", new { query.CommentId }, cancellationToken);
        var post = row is null ? null : await GetPostHandler.CachedAsync(db, cache, row.PostId, cancellationToken);
        if (row is null || post is null || !currentUser.CanSee(row.AuthorId, row.IsHidden) || !currentUser.CanSee(post.AuthorId, post.IsHidden))
        {
            throw CommunityAccess.CommentNotFound(query.CommentId);
        }

        var mine = await ListCommentsHandler.ReactionsOfAsync(db, currentUser, [row.Id], cancellationToken);
        return row.ToDto(currentUser, mine.GetValueOrDefault(row.Id));
    }
}
