using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Ardalis.Specification.EntityFrameworkCore;

/// <summary>Turns a specification into an EF Core query. Mirrors Ardalis.Specification.EntityFrameworkCore.</summary>
public sealed class SpecificationEvaluator
{
    private static readonly MethodInfo IncludeMethod = typeof(EntityFrameworkQueryableExtensions).GetMethods()
        .Single(m => m.Name == nameof(EntityFrameworkQueryableExtensions.Include) && m.GetGenericArguments().Length == 2);

    private static readonly MethodInfo[] ThenIncludeMethods = typeof(EntityFrameworkQueryableExtensions).GetMethods()
        .Where(m => m.Name == nameof(EntityFrameworkQueryableExtensions.ThenInclude)).ToArray();

    // EF has two ThenInclude overloads: after a collection navigation the previous property is IEnumerable<TPrevious>.
    private static readonly MethodInfo ThenIncludeAfterCollection = ThenIncludeMethods.Single(PreviousIsCollection);

    private static readonly MethodInfo ThenIncludeAfterReference = ThenIncludeMethods.Single(m => !PreviousIsCollection(m));

    public static SpecificationEvaluator Default { get; } = new();

    public IQueryable<T> GetQuery<T>(IQueryable<T> query, ISpecification<T> specification, bool evaluateCriteriaOnly = false)
        where T : class
    {
        foreach (var where in specification.WhereExpressions)
        {
            query = query.Where(where.Filter);
        }

        if (evaluateCriteriaOnly)
        {
            return query;
        }

        query = ApplyIncludes(query, specification.IncludeExpressions);
        query = ApplyOrder(query, specification.OrderExpressions);

        if (specification.Skip is { } skip)
        {
            query = query.Skip(skip);
        }

        if (specification.Take is { } take)
        {
            query = query.Take(take);
        }

        return specification.AsNoTracking ? query.AsNoTracking() : query;
    }

    private static IQueryable<T> ApplyOrder<T>(IQueryable<T> query, IEnumerable<OrderExpressionInfo<T>> orders)
    {
        IOrderedQueryable<T>? ordered = null;
        foreach (var order in orders)
        {
            var key = order.KeySelector;
            ordered = (order.OrderType, ordered) switch
            {
                (OrderTypeEnum.OrderBy, _) => query.OrderBy(key),
                (OrderTypeEnum.OrderByDescending, _) => query.OrderByDescending(key),
                (OrderTypeEnum.ThenBy, not null) => ordered.ThenBy(key),
                (OrderTypeEnum.ThenByDescending, not null) => ordered.ThenByDescending(key),
                _ => throw new InvalidOperationException("ThenBy must follow OrderBy."),
            };
        }

        return ordered ?? query;
    }

    private static IQueryable<T> ApplyIncludes<T>(IQueryable<T> query, IEnumerable<IncludeExpressionInfo> includes)
        where T : class
    {
        object current = query;
        foreach (var include in includes)
        {
            var method = include.Type == IncludeTypeEnum.Include
                ? IncludeMethod.MakeGenericMethod(typeof(T), include.PropertyType)
                : (include.PreviousPropertyType!.IsGenericType ? ThenIncludeAfterCollection : ThenIncludeAfterReference)
                    .MakeGenericMethod(typeof(T), include.EntityType, include.PropertyType);
            current = method.Invoke(null, [current, include.LambdaExpression])!;
        }

        return (IQueryable<T>)current;
    }

    private static bool PreviousIsCollection(MethodInfo thenInclude) =>
        thenInclude.GetParameters()[0].ParameterType.GetGenericArguments()[1].IsGenericType;
}
