using LectureHub.Application.Abstractions;
using LectureHub.Application.Categories.Queries;
using LectureHub.Domain.Categories;

namespace LectureHub.Application.Categories.Events;

internal sealed class PurgeCategoryCache(ICache cache) : IDomainEventHandler<CategoriesChanged>
{
    public Task HandleAsync(CategoriesChanged domainEvent, CancellationToken cancellationToken) =>
        cache.RemoveAsync(ListCategoriesQuery.CacheKey, cancellationToken);
}
