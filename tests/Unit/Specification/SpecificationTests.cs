using Ardalis.Specification;
using LectureHub.Infrastructure.Persistence;

namespace LectureHub.UnitTests.Specification;

/// <summary>Our EF evaluator over the Ardalis package's specifications (LINQ to objects here; PostgreSQL in integration).</summary>
public sealed class SpecificationTests
{
    private sealed record Lecture(string Title, int Section, int Order, bool Preview);

    private sealed class PreviewLecturesSpec : Specification<Lecture>
    {
        public PreviewLecturesSpec(int skip, int take) =>
            Query.Where(l => l.Preview).OrderBy(l => l.Section).ThenByDescending(l => l.Order).Skip(skip).Take(take).AsNoTracking();
    }

    private static readonly Lecture[] Lectures =
    [
        new("a", 2, 1, true), new("b", 1, 1, true), new("c", 1, 2, true), new("d", 1, 3, false), new("e", 3, 1, true),
    ];

    [Fact]
    public void The_evaluator_applies_filter_order_and_paging_in_that_order_and_counts_ignore_paging()
    {
        var spec = new PreviewLecturesSpec(skip: 1, take: 2);

        Assert.Equal(["b", "a"], SpecificationEvaluator.GetQuery(Lectures.AsQueryable(), spec).Select(l => l.Title));
        Assert.Equal(4, SpecificationEvaluator.GetQuery(Lectures.AsQueryable(), spec, criteriaOnly: true).Count());
        Assert.Equal(["b", "a"], spec.Evaluate(Lectures).Select(l => l.Title)); // the package's own in-memory evaluator agrees
    }

    [Fact]
    public void The_package_records_what_the_evaluator_reads()
    {
        var spec = new PreviewLecturesSpec(0, 10);

        Assert.Single(spec.WhereExpressions);
        Assert.Equal([OrderTypeEnum.OrderBy, OrderTypeEnum.ThenByDescending], spec.OrderExpressions.Select(o => o.OrderType));
        Assert.Equal((0, 10, true), (spec.Skip, spec.Take, spec.AsNoTracking));
        Assert.True(spec.IsSatisfiedBy(Lectures[0]));
        Assert.False(spec.IsSatisfiedBy(Lectures[3]));
    }

    [Fact]
    public void A_specification_feature_the_evaluator_does_not_apply_is_refused_not_ignored()
    {
        Assert.Throws<NotSupportedException>(() => SpecificationEvaluator.GetQuery(Lectures.AsQueryable(), new SplitQuerySpec()));
        Assert.Throws<NotSupportedException>(() => SpecificationEvaluator.GetQuery(Lectures.AsQueryable(), new SearchSpec()));
    }

    private sealed class SplitQuerySpec : Specification<Lecture>
    {
        public SplitQuerySpec() => Query.Where(l => l.Preview).AsSplitQuery();
    }

    private sealed class SearchSpec : Specification<Lecture>
    {
        public SearchSpec() => Query.Search(l => l.Title, "%a%");
    }
}
