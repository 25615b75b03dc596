using System.Linq.Expressions;

namespace Ardalis.Specification;

public interface ISpecificationBuilder<T>
{
    Specification<T> Specification { get; }
}

public interface IOrderedSpecificationBuilder<T> : ISpecificationBuilder<T>;

public interface IIncludableSpecificationBuilder<T, out TProperty> : ISpecificationBuilder<T>;

internal sealed class SpecificationBuilder<T>(Specification<T> specification) :
    IOrderedSpecificationBuilder<T>
{
    public Specification<T> Specification { get; } = specification;
}

internal sealed class IncludableSpecificationBuilder<T, TProperty>(Specification<T> specification) :
    IIncludableSpecificationBuilder<T, TProperty>
{
    public Specification<T> Specification { get; } = specification;
}

/// <summary>The fluent <c>Query.Where(...).Include(...).OrderBy(...)</c> API, named as in Ardalis.Specification.</summary>
public static class SpecificationBuilderExtensions
{
    public static ISpecificationBuilder<T> Where<T>(this ISpecificationBuilder<T> builder, Expression<Func<T, bool>> criteria)
    {
        builder.Specification.Add(new WhereExpressionInfo<T>(criteria));
        return builder;
    }

    public static IOrderedSpecificationBuilder<T> OrderBy<T>(this ISpecificationBuilder<T> builder, Expression<Func<T, object?>> key) =>
        Order(builder, key, OrderTypeEnum.OrderBy);

    public static IOrderedSpecificationBuilder<T> OrderByDescending<T>(this ISpecificationBuilder<T> builder, Expression<Func<T, object?>> key) =>
        Order(builder, key, OrderTypeEnum.OrderByDescending);

    public static IOrderedSpecificationBuilder<T> ThenBy<T>(this IOrderedSpecificationBuilder<T> builder, Expression<Func<T, object?>> key) =>
        Order(builder, key, OrderTypeEnum.ThenBy);

    public static IOrderedSpecificationBuilder<T> ThenByDescending<T>(this IOrderedSpecificationBuilder<T> builder, Expression<Func<T, object?>> key) =>
        Order(builder, key, OrderTypeEnum.ThenByDescending);

    public static IIncludableSpecificationBuilder<T, TProperty> Include<T, TProperty>(
        this ISpecificationBuilder<T> builder, Expression<Func<T, TProperty>> navigation)
    {
        builder.Specification.Add(new IncludeExpressionInfo(navigation, typeof(T), typeof(TProperty), null, IncludeTypeEnum.Include));
        return new IncludableSpecificationBuilder<T, TProperty>(builder.Specification);
    }

    public static IIncludableSpecificationBuilder<T, TProperty> ThenInclude<T, TPrevious, TProperty>(
        this IIncludableSpecificationBuilder<T, TPrevious> builder, Expression<Func<TPrevious, TProperty>> navigation) =>
        AddThenInclude<T, TPrevious, TProperty>(builder, navigation, typeof(TPrevious));

    public static IIncludableSpecificationBuilder<T, TProperty> ThenInclude<T, TPrevious, TProperty>(
        this IIncludableSpecificationBuilder<T, IEnumerable<TPrevious>> builder, Expression<Func<TPrevious, TProperty>> navigation) =>
        AddThenInclude<T, TPrevious, TProperty>(builder, navigation, typeof(IEnumerable<TPrevious>));

    public static ISpecificationBuilder<T> Skip<T>(this ISpecificationBuilder<T> builder, int skip)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        builder.Specification.Skip = skip;
        return builder;
    }

    public static ISpecificationBuilder<T> Take<T>(this ISpecificationBuilder<T> builder, int take)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        builder.Specification.Take = take;
        return builder;
    }

    public static ISpecificationBuilder<T> AsNoTracking<T>(this ISpecificationBuilder<T> builder)
    {
        builder.Specification.AsNoTracking = true;
        return builder;
    }

    private static IncludableSpecificationBuilder<T, TProperty> AddThenInclude<T, TPrevious, TProperty>(
        ISpecificationBuilder<T> builder, LambdaExpression navigation, Type previousPropertyType)
    {
        builder.Specification.Add(new IncludeExpressionInfo(
            navigation, typeof(TPrevious), typeof(TProperty), previousPropertyType, IncludeTypeEnum.ThenInclude));
        return new IncludableSpecificationBuilder<T, TProperty>(builder.Specification);
    }

    private static SpecificationBuilder<T> Order<T>(ISpecificationBuilder<T> builder, Expression<Func<T, object?>> key, OrderTypeEnum type)
    {
        builder.Specification.Add(new OrderExpressionInfo<T>(key, type));
        return new SpecificationBuilder<T>(builder.Specification);
    }
}
