using LectureHub.Application.Abstractions;
using LectureHub.Domain.Community;
using Mediator;

namespace LectureHub.Application.Community.Commands;

/// <summary>An Admin hides a comment, or shows it again.</summary>
public sealed record HideCommentCommand(Guid CommentId, bool Hidden) : ICommand;

internal sealed class HideCommentHandler(IRepository<Comment> comments, ICommunityStats stats) : ICommandHandler<HideCommentCommand>
{
    public async ValueTask<Unit> Handle(HideCommentCommand command, CancellationToken cancellationToken)
    {
        var comment = await comments.GetByIdAsync(command.CommentId, cancellationToken) ?? throw CommunityAccess.CommentNotFound(command.CommentId);
        await comment.HideCountedAsync(command.Hidden, stats, cancellationToken);
        return Unit.Value;
    }
}
