using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Domain.Community;
using Mediator;

namespace LectureHub.Application.Community.Commands;

/// <summary>The author replaces a post's title and body.</summary>
public sealed record EditPostCommand(Guid PostId, string Title, string Body) : ICommand;

internal sealed class EditPostValidator : AbstractValidator<EditPostCommand>
{
    public EditPostValidator() => this.ValidPostText(c => c.Title, c => c.Body);
}

internal sealed class EditPostHandler(IRepository<Post> posts, IMarkdownRenderer markdown, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<EditPostCommand>
{
    public async ValueTask<Unit> Handle(EditPostCommand command, CancellationToken cancellationToken)
    {
        var post = await posts.LoadOwnPostAsync(currentUser, command.PostId, cancellationToken);
        post.Edit(command.Title, markdown.Render(command.Body), clock.GetUtcNow());
        return Unit.Value;
    }
}
