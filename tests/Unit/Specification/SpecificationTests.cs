using Ardalis.Specification;

namespace LectureHub.UnitTests.Specification;

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
    public void Evaluate_applies_filter_order_and_paging_in_that_order()
    {
        var page = new PreviewLecturesSpec(skip: 1, take: 2).Evaluate(Lectures).Select(l => l.Title);

        Assert.Equal(["b", "a"], page);
    }

    [Fact]
    public void The_builder_records_what_an_evaluator_needs()
    {
        var spec = new PreviewLecturesSpec(0, 10);

        Assert.Single(spec.WhereExpressions);
        Assert.Equal([OrderTypeEnum.OrderBy, OrderTypeEnum.ThenByDescending], spec.OrderExpressions.Select(o => o.OrderType));
        Assert.Equal((0, 10, true), (spec.Skip, spec.Take, spec.AsNoTracking));
        Assert.True(spec.IsSatisfiedBy(Lectures[0]));
        Assert.False(spec.IsSatisfiedBy(Lectures[3]));
    }

    [Fact]
    public void ThenBy_without_OrderBy_is_refused_when_evaluated()
    {
        var spec = new ThenByOnlySpec();

        Assert.Throws<InvalidOperationException>(() => spec.Evaluate(Lectures).ToList());
    }

    private sealed class ThenByOnlySpec : Specification<Lecture>
    {
        public ThenByOnlySpec() => ((IOrderedSpecificationBuilder<Lecture>)Query).ThenBy(l => l.Order);
    }
}
