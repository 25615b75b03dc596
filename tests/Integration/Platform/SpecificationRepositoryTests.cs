using Ardalis.Specification;
using LectureHub.Application.Abstractions;
using LectureHub.Domain.Categories;
using LectureHub.Infrastructure.Persistence;
using LectureHub.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LectureHub.IntegrationTests.Platform;

/// <summary>The in-house specification evaluator against real PostgreSQL through the EF repository.</summary>
public sealed class SpecificationRepositoryTests(ApiFactory factory) : ApiTest(factory)
{
    private sealed class CategoriesPageSpec : Specification<Category>
    {
        public CategoriesPageSpec(int minSortOrder, int skip, int take) =>
            Query.Where(c => c.SortOrder >= minSortOrder).OrderByDescending(c => c.SortOrder).ThenBy(c => c.Slug).Skip(skip).Take(take).AsNoTracking();
    }

    [Fact]
    public async Task A_specification_filters_orders_and_pages_in_sql_and_counts_ignore_paging()
    {
        await DatabaseSetup.SeedCategoriesAsync(Factory.Services, CancellationToken.None);
        await using var scope = Factory.Services.CreateAsyncScope();
        var categories = scope.ServiceProvider.GetRequiredService<IRepository<Category>>();
        var spec = new CategoriesPageSpec(minSortOrder: 30, skip: 1, take: 3);

        var page = await categories.ListAsync(spec);

        var expected = DatabaseSetup.TradeCategories.Select((c, i) => (c.Slug, Order: (i + 1) * 10))
            .Where(c => c.Order >= 30).OrderByDescending(c => c.Order).Skip(1).Take(3).Select(c => c.Slug);
        Assert.Equal(expected, page.Select(c => c.Slug));
        Assert.Equal(DatabaseSetup.TradeCategories.Count - 2, await categories.CountAsync(spec));
        Assert.True(await categories.AnyAsync(spec));
        Assert.Equal(page[0].Slug, (await categories.FirstOrDefaultAsync(spec))!.Slug);
    }
}
