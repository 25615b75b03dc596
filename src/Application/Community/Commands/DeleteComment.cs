using LectureHub.Application.Abstractions;
using LectureHub.Domain.Community;
using Mediator;

namespace LectureHub.Application.Community.Commands;

/// <summary>The author deletes a comment; idempotent. It keeps its place in the thread, shown as deleted.</summary>
public sealed record DeleteCommentCommand(Guid CommentId) : ICommand;

internal sealed class DeleteCommentHandler(IRepository<Comment> comments, ICommunityStats stats, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<DeleteCommentCommand>
{
    public async ValueTask<Unit> Handle(DeleteCommentCommand command, CancellationToken cancellationToken)
    {
        var comment = await comments.LoadCommentAsync(currentUser, command.CommentId, cancellationToken);
        CommunityAccess.EnsureAuthor(currentUser, comment.AuthorId, "comment");
        if (comment.Delete(clock.GetUtcNow()))
        {
            await stats.CountCommentAsync(comment.PostId, -1, cancellationToken);
        }

        return Unit.Value;
    }
}
