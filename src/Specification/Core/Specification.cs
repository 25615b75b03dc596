using System.Linq.Expressions;

namespace Ardalis.Specification;

/// <summary>What a query asks for: filters, includes, order, paging and tracking. Mirrors Ardalis.Specification.</summary>
public interface ISpecification<T>
{
    IEnumerable<WhereExpressionInfo<T>> WhereExpressions { get; }

    IEnumerable<IncludeExpressionInfo> IncludeExpressions { get; }

    IEnumerable<OrderExpressionInfo<T>> OrderExpressions { get; }

    int? Skip { get; }

    int? Take { get; }

    bool AsNoTracking { get; }

    IEnumerable<T> Evaluate(IEnumerable<T> entities);

    bool IsSatisfiedBy(T entity);
}

/// <summary>Marks a specification that selects at most one entity (for SingleOrDefaultAsync).</summary>
public interface ISingleResultSpecification<T> : ISpecification<T>;

public abstract class Specification<T> : ISpecification<T>
{
    private readonly List<WhereExpressionInfo<T>> _where = [];
    private readonly List<IncludeExpressionInfo> _includes = [];
    private readonly List<OrderExpressionInfo<T>> _order = [];

    protected Specification() => Query = new SpecificationBuilder<T>(this);

    protected ISpecificationBuilder<T> Query { get; }

    public IEnumerable<WhereExpressionInfo<T>> WhereExpressions => _where;

    public IEnumerable<IncludeExpressionInfo> IncludeExpressions => _includes;

    public IEnumerable<OrderExpressionInfo<T>> OrderExpressions => _order;

    public int? Skip { get; internal set; }

    public int? Take { get; internal set; }

    public bool AsNoTracking { get; internal set; }

    internal void Add(WhereExpressionInfo<T> where) => _where.Add(where);

    internal void Add(IncludeExpressionInfo include) => _includes.Add(include);

    internal void Add(OrderExpressionInfo<T> order) => _order.Add(order);

    /// <summary>Runs the filters, order and paging in memory (includes and tracking do not apply).</summary>
    public virtual IEnumerable<T> Evaluate(IEnumerable<T> entities)
    {
        foreach (var where in _where)
        {
            entities = entities.Where(where.FilterFunc);
        }

        IOrderedEnumerable<T>? ordered = null;
        foreach (var order in _order)
        {
            ordered = (order.OrderType, ordered) switch
            {
                (OrderTypeEnum.OrderBy, _) => entities.OrderBy(order.KeySelectorFunc),
                (OrderTypeEnum.OrderByDescending, _) => entities.OrderByDescending(order.KeySelectorFunc),
                (OrderTypeEnum.ThenBy, not null) => ordered.ThenBy(order.KeySelectorFunc),
                (OrderTypeEnum.ThenByDescending, not null) => ordered.ThenByDescending(order.KeySelectorFunc),
                _ => throw new InvalidOperationException("ThenBy must follow OrderBy."),
            };
        }

        entities = ordered ?? entities;
        if (Skip is { } skip)
        {
            entities = entities.Skip(skip);
        }

        return Take is { } take ? entities.Take(take) : entities;
    }

    public virtual bool IsSatisfiedBy(T entity) => _where.All(w => w.FilterFunc(entity));
}

public abstract class SingleResultSpecification<T> : Specification<T>, ISingleResultSpecification<T>;

public sealed class WhereExpressionInfo<T>(Expression<Func<T, bool>> filter)
{
    private Func<T, bool>? _compiled;

    public Expression<Func<T, bool>> Filter { get; } = filter;

    public Func<T, bool> FilterFunc => _compiled ??= Filter.Compile();
}

public enum OrderTypeEnum
{
    OrderBy = 1,
    OrderByDescending = 2,
    ThenBy = 3,
    ThenByDescending = 4,
}

public sealed class OrderExpressionInfo<T>(Expression<Func<T, object?>> keySelector, OrderTypeEnum orderType)
{
    private Func<T, object?>? _compiled;

    public Expression<Func<T, object?>> KeySelector { get; } = keySelector;

    public OrderTypeEnum OrderType { get; } = orderType;

    public Func<T, object?> KeySelectorFunc => _compiled ??= KeySelector.Compile();
}

public enum IncludeTypeEnum
{
    Include = 1,
    ThenInclude = 2,
}

/// <summary>One link of an include chain. <see cref="PreviousPropertyType"/> is set for ThenInclude.</summary>
public sealed record IncludeExpressionInfo(
    LambdaExpression LambdaExpression,
    Type EntityType,
    Type PropertyType,
    Type? PreviousPropertyType,
    IncludeTypeEnum Type);
