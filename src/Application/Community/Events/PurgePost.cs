using LectureHub.Application.Abstractions;
using LectureHub.Domain.Community;

namespace LectureHub.Application.Community.Events;

/// <summary>A post or one of its comments changed: its cached page and thread go.</summary>
internal sealed class PurgePost(ICache cache) : IDomainEventHandler<PostChanged>, IDomainEventHandler<CommentWritten>, IDomainEventHandler<CommentChanged>
{
    public Task HandleAsync(PostChanged domainEvent, CancellationToken cancellationToken) => CommunityCache.PurgePostAsync(cache, domainEvent.PostId, cancellationToken);

    public Task HandleAsync(CommentWritten domainEvent, CancellationToken cancellationToken) => CommunityCache.PurgePostAsync(cache, domainEvent.PostId, cancellationToken);

    public Task HandleAsync(CommentChanged domainEvent, CancellationToken cancellationToken) => CommunityCache.PurgePostAsync(cache, domainEvent.PostId, cancellationToken);
}
