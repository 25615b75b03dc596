using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Domain.Community;
using Mediator;

namespace LectureHub.Application.Community.Commands;

/// <summary>A signed-in user comments on a visible, unlocked post, or replies to a comment on it. Returns the comment's id.</summary>
public sealed record WriteCommentCommand(Guid PostId, Guid? ReplyTo, string Body) : ICommand<Guid>;

internal sealed class WriteCommentValidator : AbstractValidator<WriteCommentCommand>
{
    public WriteCommentValidator() => this.ValidCommentText(c => c.Body);
}

internal sealed class WriteCommentHandler(
    IRepository<Post> posts, IRepository<Comment> comments, ICommunityStats stats, IMarkdownRenderer markdown, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<WriteCommentCommand, Guid>
{
    public async ValueTask<Guid> Handle(WriteCommentCommand command, CancellationToken cancellationToken)
    {
        var post = await posts.LoadPostAsync(currentUser, command.PostId, cancellationToken);
        var replyTo = command.ReplyTo is { } parentId
            ? await comments.LoadCommentAsync(currentUser, parentId, cancellationToken)
            : null;
        var comment = Comment.Write(post, replyTo, currentUser.RequiredUserId, markdown.Render(command.Body), clock.GetUtcNow());
        await comments.AddAsync(comment, cancellationToken);
        await stats.CountCommentAsync(post.Id, +1, cancellationToken);
        return comment.Id;
    }
}
