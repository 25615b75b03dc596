using System.Collections.Concurrent;
using System.Reflection;
using Ardalis.Specification;
using Microsoft.EntityFrameworkCore;

namespace LectureHub.Infrastructure.Persistence;

/// <summary>
/// Turns an Ardalis specification into an EF Core query: filters, includes, order, paging and tracking. The package's
/// own EF evaluator (Ardalis.Specification.EntityFrameworkCore) is not in this registry; this one covers what our
/// specifications use and refuses the rest, so no part of a specification is silently ignored.
/// </summary>
internal static class SpecificationEvaluator
{
    private static readonly MethodInfo IncludeMethod = typeof(EntityFrameworkQueryableExtensions).GetMethods()
        .Single(m => m.Name == nameof(EntityFrameworkQueryableExtensions.Include) && m.GetGenericArguments().Length == 2
            && m.GetParameters()[1].ParameterType.IsGenericType);

    private static readonly MethodInfo[] ThenIncludeMethods = typeof(EntityFrameworkQueryableExtensions).GetMethods()
        .Where(m => m.Name == nameof(EntityFrameworkQueryableExtensions.ThenInclude)).ToArray();

    // EF has two ThenInclude overloads: after a collection navigation the previous property is IEnumerable<TPrevious>.
    private static readonly MethodInfo ThenIncludeAfterCollection = ThenIncludeMethods.Single(PreviousIsCollection);

    private static readonly MethodInfo ThenIncludeAfterReference = ThenIncludeMethods.Single(m => !PreviousIsCollection(m));

    private static readonly ConcurrentDictionary<(Type Entity, IncludeTypeEnum Kind, Type? Previous, Type Property), MethodInfo> Methods = new();

    public static IQueryable<T> GetQuery<T>(IQueryable<T> query, ISpecification<T> specification, bool criteriaOnly = false)
        where T : class
    {
        RefuseUnsupported(specification);
        foreach (var where in specification.WhereExpressions)
        {
            query = query.Where(where.Filter);
        }

        if (criteriaOnly)
        {
            return query;
        }

        query = ApplyIncludes(query, specification.IncludeExpressions);
        query = ApplyOrder(query, specification.OrderExpressions);
        if (specification.Skip is { } skip and > 0)
        {
            query = query.Skip(skip);
        }

        if (specification.Take is { } take and > 0)
        {
            query = query.Take(take);
        }

        return specification.AsNoTracking ? query.AsNoTracking() : query;
    }

    private static void RefuseUnsupported<T>(ISpecification<T> specification)
    {
        if (specification.SearchCriterias.Any() || specification.IncludeStrings.Any() || specification.AsSplitQuery
            || specification.AsNoTrackingWithIdentityResolution || specification.IgnoreQueryFilters || specification.IgnoreAutoIncludes
            || specification.PostProcessingAction is not null || specification.QueryTags.Any())
        {
            throw new NotSupportedException($"{specification.GetType().Name} uses a specification feature this evaluator does not apply.");
        }
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
            var lambda = include.LambdaExpression;
            var method = Methods.GetOrAdd((typeof(T), include.Type, include.PreviousPropertyType, lambda.ReturnType), key => key.Kind == IncludeTypeEnum.Include
                ? IncludeMethod.MakeGenericMethod(key.Entity, key.Property)
                : ThenInclude(key.Entity, key.Previous!, key.Property));
            current = method.Invoke(null, [current, lambda])!;
        }

        return (IQueryable<T>)current;
    }

    /// <summary>Ardalis records the previous navigation's type, as IEnumerable&lt;X&gt; after a collection.</summary>
    private static MethodInfo ThenInclude(Type entity, Type previous, Type property) =>
        previous.IsGenericType && previous.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? ThenIncludeAfterCollection.MakeGenericMethod(entity, previous.GenericTypeArguments[0], property)
            : ThenIncludeAfterReference.MakeGenericMethod(entity, previous, property);

    private static bool PreviousIsCollection(MethodInfo thenInclude) =>
        thenInclude.GetParameters()[0].ParameterType.GetGenericArguments()[1].IsGenericType;
}
