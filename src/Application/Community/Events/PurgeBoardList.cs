using LectureHub.Application.Abstractions;
using LectureHub.Application.Community.Queries;
using LectureHub.Domain.Community;

namespace LectureHub.Application.Community.Events;

internal sealed class PurgeBoardList(ICache cache) : IDomainEventHandler<BoardsChanged>
{
    public Task HandleAsync(BoardsChanged domainEvent, CancellationToken cancellationToken) => cache.RemoveAsync(ListBoardsQuery.CacheKey, cancellationToken);
}
