using LectureHub.Application.Abstractions;
using Mediator;

namespace LectureHub.Application.Community.Commands;

/// <summary>Adds a batch of buffered views to the posts' counters, once per batch (see ICommunityStats.AddViewsOnceAsync).</summary>
public sealed record FlushPostViewsCommand(Guid BatchId, IReadOnlyList<PostViews> Views) : ICommand<bool>;

internal sealed class FlushPostViewsHandler(ICommunityStats stats, TimeProvider clock) : ICommandHandler<FlushPostViewsCommand, bool>
{
    public ValueTask<bool> Handle(FlushPostViewsCommand command, CancellationToken cancellationToken) =>
        new(stats.AddViewsOnceAsync(command.BatchId, command.Views, clock.GetUtcNow(), cancellationToken));
}
