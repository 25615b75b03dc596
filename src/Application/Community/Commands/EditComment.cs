using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Domain.Community;
using Mediator;

namespace LectureHub.Application.Community.Commands;

/// <summary>The author replaces a comment's body.</summary>
public sealed record EditCommentCommand(Guid CommentId, string Body) : ICommand;

internal sealed class EditCommentValidator : AbstractValidator<EditCommentCommand>
{
    public EditCommentValidator() => this.ValidCommentText(c => c.Body);
}

internal sealed class EditCommentHandler(IRepository<Comment> comments, IMarkdownRenderer markdown, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<EditCommentCommand>
{
    public async ValueTask<Unit> Handle(EditCommentCommand command, CancellationToken cancellationToken)
    {
        var comment = await comments.LoadCommentAsync(currentUser, command.CommentId, cancellationToken);
        CommunityAccess.EnsureAuthor(currentUser, comment.AuthorId, "comment");
        comment.Edit(markdown.Render(command.Body), clock.GetUtcNow());
        return Unit.Value;
    }
}
