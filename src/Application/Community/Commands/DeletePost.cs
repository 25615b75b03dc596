using LectureHub.Application.Abstractions;
using LectureHub.Domain.Community;
using Mediator;

namespace LectureHub.Application.Community.Commands;

/// <summary>The author deletes a post; idempotent. The post stays as "deleted" so its comment thread stays readable.</summary>
public sealed record DeletePostCommand(Guid PostId) : ICommand;

internal sealed class DeletePostHandler(IRepository<Post> posts, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<DeletePostCommand>
{
    public async ValueTask<Unit> Handle(DeletePostCommand command, CancellationToken cancellationToken)
    {
        var post = await posts.LoadOwnPostAsync(currentUser, command.PostId, cancellationToken);
        post.Delete(clock.GetUtcNow());
        return Unit.Value;
    }
}
