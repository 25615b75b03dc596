using Microsoft.EntityFrameworkCore;

namespace Ardalis.Specification.EntityFrameworkCore;

/// <summary>EF Core repository over specifications. Never saves: the caller's unit of work does.</summary>
public abstract class RepositoryBase<T>(DbContext dbContext) : IRepositoryBase<T>
    where T : class
{
    private readonly SpecificationEvaluator _evaluator = SpecificationEvaluator.Default;

    public async Task<T> AddAsync(T entity, CancellationToken cancellationToken = default)
    {
        await dbContext.Set<T>().AddAsync(entity, cancellationToken);
        return entity;
    }

    public async Task<IEnumerable<T>> AddRangeAsync(IEnumerable<T> entities, CancellationToken cancellationToken = default)
    {
        var list = entities.ToList();
        await dbContext.Set<T>().AddRangeAsync(list, cancellationToken);
        return list;
    }

    public void Delete(T entity) => dbContext.Set<T>().Remove(entity);

    public async Task<T?> GetByIdAsync<TId>(TId id, CancellationToken cancellationToken = default)
        where TId : notnull =>
        await dbContext.Set<T>().FindAsync([id], cancellationToken);

    public Task<T?> FirstOrDefaultAsync(ISpecification<T> specification, CancellationToken cancellationToken = default) =>
        Apply(specification).FirstOrDefaultAsync(cancellationToken);

    public Task<T?> SingleOrDefaultAsync(ISingleResultSpecification<T> specification, CancellationToken cancellationToken = default) =>
        Apply(specification).SingleOrDefaultAsync(cancellationToken);

    public Task<List<T>> ListAsync(CancellationToken cancellationToken = default) =>
        dbContext.Set<T>().ToListAsync(cancellationToken);

    public Task<List<T>> ListAsync(ISpecification<T> specification, CancellationToken cancellationToken = default) =>
        Apply(specification).ToListAsync(cancellationToken);

    public Task<int> CountAsync(ISpecification<T> specification, CancellationToken cancellationToken = default) =>
        _evaluator.GetQuery(dbContext.Set<T>(), specification, evaluateCriteriaOnly: true).CountAsync(cancellationToken);

    public Task<bool> AnyAsync(ISpecification<T> specification, CancellationToken cancellationToken = default) =>
        _evaluator.GetQuery(dbContext.Set<T>(), specification, evaluateCriteriaOnly: true).AnyAsync(cancellationToken);

    protected IQueryable<T> Apply(ISpecification<T> specification) =>
        _evaluator.GetQuery(dbContext.Set<T>(), specification);
}
