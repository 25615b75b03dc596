using LectureHub.Application.Abstractions;
using LectureHub.Domain.Community;
using Mediator;

namespace LectureHub.Application.Community.Commands;

/// <summary>Sets the caller's one reaction on a visible post or comment (like or dislike); idempotent, switching replaces it.</summary>
public sealed record ReactCommand(ReactionTarget Target, Guid TargetId, ReactionKind Kind) : ICommand<ReactionStateDto>;

/// <summary>Takes the caller's reaction back; idempotent, and allowed on anything (even what was hidden since).</summary>
public sealed record UnreactCommand(ReactionTarget Target, Guid TargetId) : ICommand<ReactionStateDto>;

internal sealed class ReactHandler(IRepository<Post> posts, IRepository<Comment> comments, ICommunityStats stats, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<ReactCommand, ReactionStateDto>
{
    public async ValueTask<ReactionStateDto> Handle(ReactCommand command, CancellationToken cancellationToken)
    {
        await EnsureVisibleAsync(command.Target, command.TargetId, cancellationToken);
        var counts = await stats.ReactAsync(command.Target, command.TargetId, currentUser.RequiredUserId, command.Kind, clock.GetUtcNow(), cancellationToken);
        return new ReactionStateDto(command.TargetId, command.Kind, counts.Likes, counts.Dislikes);
    }

    private async Task EnsureVisibleAsync(ReactionTarget target, Guid id, CancellationToken ct)
    {
        if (target == ReactionTarget.Post)
        {
            if (!await posts.AnyAsync(new VisiblePostSpec(id), ct))
            {
                throw CommunityAccess.PostNotFound(id);
            }

            return;
        }

        var comment = await comments.SingleOrDefaultAsync(new VisibleCommentSpec(id), ct);
        if (comment is null || !await posts.AnyAsync(new VisiblePostSpec(comment.PostId), ct))
        {
            throw CommunityAccess.CommentNotFound(id);
        }
    }
}

internal sealed class UnreactHandler(ICommunityStats stats, ICurrentUser currentUser) : ICommandHandler<UnreactCommand, ReactionStateDto>
{
    public async ValueTask<ReactionStateDto> Handle(UnreactCommand command, CancellationToken cancellationToken)
    {
        var counts = await stats.UnreactAsync(command.Target, command.TargetId, currentUser.RequiredUserId, cancellationToken);
        return new ReactionStateDto(command.TargetId, null, counts.Likes, counts.Dislikes);
    }
}
