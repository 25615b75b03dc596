using Ardalis.Specification;
using LectureHub.Application.Abstractions;
using LectureHub.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace LectureHub.Infrastructure.Persistence;

/// <summary>EF Core repository over Ardalis specifications. Never saves: the command's unit of work does.</summary>
internal sealed class Repository<T>(AppDbContext db) : IRepository<T>
    where T : Entity
{
    public async Task<T> AddAsync(T entity, CancellationToken cancellationToken = default)
    {
        await db.Set<T>().AddAsync(entity, cancellationToken);
        return entity;
    }

    public async Task<IEnumerable<T>> AddRangeAsync(IEnumerable<T> entities, CancellationToken cancellationToken = default)
    {
        var list = entities.ToList();
        await db.Set<T>().AddRangeAsync(list, cancellationToken);
        return list;
    }

    public void Delete(T entity) => db.Set<T>().Remove(entity);

    public async Task<T?> GetByIdAsync<TId>(TId id, CancellationToken cancellationToken = default)
        where TId : notnull =>
        await db.Set<T>().FindAsync([id], cancellationToken);

    public Task<T?> FirstOrDefaultAsync(ISpecification<T> specification, CancellationToken cancellationToken = default) =>
        Query(specification).FirstOrDefaultAsync(cancellationToken);

    public Task<T?> SingleOrDefaultAsync(ISingleResultSpecification<T> specification, CancellationToken cancellationToken = default) =>
        Query(specification).SingleOrDefaultAsync(cancellationToken);

    public Task<List<T>> ListAsync(ISpecification<T> specification, CancellationToken cancellationToken = default) =>
        Query(specification).ToListAsync(cancellationToken);

    public Task<int> CountAsync(ISpecification<T> specification, CancellationToken cancellationToken = default) =>
        Query(specification, criteriaOnly: true).CountAsync(cancellationToken);

    public Task<bool> AnyAsync(ISpecification<T> specification, CancellationToken cancellationToken = default) =>
        Query(specification, criteriaOnly: true).AnyAsync(cancellationToken);

    private IQueryable<T> Query(ISpecification<T> specification, bool criteriaOnly = false) =>
        SpecificationEvaluator.GetQuery(db.Set<T>(), specification, criteriaOnly);
}
