namespace Ardalis.Specification;

/// <summary>Reads aggregates through specifications. Mirrors Ardalis.Specification's IReadRepositoryBase.</summary>
public interface IReadRepositoryBase<T>
    where T : class
{
    Task<T?> GetByIdAsync<TId>(TId id, CancellationToken cancellationToken = default)
        where TId : notnull;

    Task<T?> FirstOrDefaultAsync(ISpecification<T> specification, CancellationToken cancellationToken = default);

    Task<T?> SingleOrDefaultAsync(ISingleResultSpecification<T> specification, CancellationToken cancellationToken = default);

    Task<List<T>> ListAsync(CancellationToken cancellationToken = default);

    Task<List<T>> ListAsync(ISpecification<T> specification, CancellationToken cancellationToken = default);

    Task<int> CountAsync(ISpecification<T> specification, CancellationToken cancellationToken = default);

    Task<bool> AnyAsync(ISpecification<T> specification, CancellationToken cancellationToken = default);
}

/// <summary>
/// Adds and removes aggregates. Unlike the Ardalis package, nothing here saves: the unit of work commits once
/// per command, so a handler can never commit half of its work.
/// </summary>
public interface IRepositoryBase<T> : IReadRepositoryBase<T>
    where T : class
{
    Task<T> AddAsync(T entity, CancellationToken cancellationToken = default);

    Task<IEnumerable<T>> AddRangeAsync(IEnumerable<T> entities, CancellationToken cancellationToken = default);

    void Delete(T entity);
}
