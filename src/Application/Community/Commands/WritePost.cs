using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Domain.Community;
using Mediator;

namespace LectureHub.Application.Community.Commands;

/// <summary>A signed-in user writes a post on a board; the body is Markdown. Returns the new post's id.</summary>
public sealed record WritePostCommand(Guid BoardId, string Title, string Body) : ICommand<Guid>;

internal sealed class WritePostValidator : AbstractValidator<WritePostCommand>
{
    public WritePostValidator() => this.ValidPostText(c => c.Title, c => c.Body);
}

internal sealed class WritePostHandler(
    IRepository<Post> posts, IRepository<Board> boards, ICommunityStats stats, IMarkdownRenderer markdown, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<WritePostCommand, Guid>
{
    public async ValueTask<Guid> Handle(WritePostCommand command, CancellationToken cancellationToken)
    {
        if (await boards.GetByIdAsync(command.BoardId, cancellationToken) is null)
        {
            throw CommunityAccess.BoardNotFound(command.BoardId);
        }

        var post = Post.Write(command.BoardId, currentUser.RequiredUserId, command.Title, markdown.Render(command.Body), clock.GetUtcNow());
        await posts.AddAsync(post, cancellationToken);
        stats.Start(post);
        return post.Id;
    }
}
