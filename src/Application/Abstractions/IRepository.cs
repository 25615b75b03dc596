using Ardalis.Specification;
using LectureHub.Domain.Common;

namespace LectureHub.Application.Abstractions;

/// <summary>
/// Loads and adds aggregate roots through specifications, on the primary. The read side of Ardalis.Specification's
/// <see cref="IReadRepositoryBase{T}"/>, but nothing here saves, updates or deletes by itself: the unit of work commits
/// once per command, so a handler can never commit half of its work.
/// </summary>
public interface IRepository<T>
    where T : Entity
{
    Task<T?> GetByIdAsync<TId>(TId id, CancellationToken cancellationToken = default)
        where TId : notnull;

    Task<T?> FirstOrDefaultAsync(ISpecification<T> specification, CancellationToken cancellationToken = default);

    Task<T?> SingleOrDefaultAsync(ISingleResultSpecification<T> specification, CancellationToken cancellationToken = default);

    Task<List<T>> ListAsync(ISpecification<T> specification, CancellationToken cancellationToken = default);

    Task<int> CountAsync(ISpecification<T> specification, CancellationToken cancellationToken = default);

    Task<bool> AnyAsync(ISpecification<T> specification, CancellationToken cancellationToken = default);

    Task<T> AddAsync(T entity, CancellationToken cancellationToken = default);

    Task<IEnumerable<T>> AddRangeAsync(IEnumerable<T> entities, CancellationToken cancellationToken = default);

    void Delete(T entity);
}
