using LectureHub.Application.Abstractions;
using LectureHub.Domain.Community;
using Mediator;

namespace LectureHub.Application.Community.Commands;

/// <summary>An Admin hides, locks or pins a post (each flag optional: null leaves it as it is).</summary>
public sealed record ModeratePostCommand(Guid PostId, bool? Hidden, bool? Locked, bool? Pinned) : ICommand;

internal sealed class ModeratePostHandler(IRepository<Post> posts, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<ModeratePostCommand>
{
    public async ValueTask<Unit> Handle(ModeratePostCommand command, CancellationToken cancellationToken)
    {
        var post = await posts.LoadPostAsync(currentUser, command.PostId, cancellationToken);
        post.Moderate(command.Hidden, command.Locked, command.Pinned, clock.GetUtcNow());
        return Unit.Value;
    }
}
