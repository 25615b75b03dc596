using System.Net;
using LectureHub.IntegrationTests.Support;

namespace LectureHub.IntegrationTests.Courses;

public sealed record Card(Guid Id, string Title, long PriceKrw, string Level, Guid CategoryId, string InstructorName, int LikeCount);

public sealed record Facet(Guid CategoryId, string Slug, int Count);

public sealed record SearchPage(List<Card> Items, string? NextCursor, List<Facet>? Facets);

/// <summary>Searches run as the instructor who just wrote, so they read the primary and see every course at once.</summary>
public sealed class CourseSearchTests(ApiFactory factory) : ApiTest(factory)
{
    private static readonly string[] Tags = ["자격증"];

    private async Task<SearchPage> SearchAsync(Tokens user, string query) =>
        await (await Client.SendAsync(HttpMethod.Get, "/api/v1/courses?" + query, user)).ReadAsync<SearchPage>();

    private async Task<(Tokens Kim, Tokens Park, Guid Welding, Guid Electrical)> CatalogAsync()
    {
        var welding = await Factory.WeldingCategoryAsync();
        var electrical = await Api.ScalarAsync<Guid>(ApiFactory.PrimaryConnectionString, "SELECT id FROM categories WHERE slug = 'electrical'");
        await Client.RegisterAsync("kim@example.com", "Instructor", "김용접");
        var kim = await Client.LoginAsync("kim@example.com");
        await Client.RegisterAsync("park@example.com", "Instructor", "박전기");
        var park = await Client.LoginAsync("park@example.com");
        await Publish(kim, welding, "특수용접기능사 실기 완성", 39_000, "Intermediate");
        await Publish(kim, welding, "TIG 용접 입문", 0, "Beginner");
        await Publish(park, electrical, "전기기능사 필기 한 번에", 25_000, "Beginner");
        await Publish(park, electrical, "배관 기초와 누수 잡기", 55_000, "Advanced");
        return (kim, park, welding, electrical);
    }

    private async Task<CourseDraft> Publish(Tokens instructor, Guid category, string title, long price, string level)
    {
        var draft = await (await Client.SendAsync(HttpMethod.Post, "/api/v1/courses", instructor, new
        {
            categoryId = category, title, summary = "현장에서 바로 쓰는 기술", level, language = "ko", priceKrw = price, tags = Tags,
        })).ReadAsync<CourseDraft>(HttpStatusCode.Created);
        await Client.SendAsync(HttpMethod.Put, $"/api/v1/courses/{draft.Id}/curriculum", instructor, CourseApi.Curriculum(1));
        return await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/courses/{draft.Id}/publish", instructor)).ReadAsync<CourseDraft>();
    }

    [Theory]
    [InlineData("용접", new[] { "TIG 용접 입문", "특수용접기능사 실기 완성" })]
    [InlineData("접기", new[] { "특수용접기능사 실기 완성" })]
    [InlineData("기능사", new[] { "전기기능사 필기 한 번에", "특수용접기능사 실기 완성" })]
    [InlineData("누수", new[] { "배관 기초와 누수 잡기" })]
    [InlineData("tig", new[] { "TIG 용접 입문" })]
    [InlineData("박전기", new[] { "배관 기초와 누수 잡기", "전기기능사 필기 한 번에" })]
    [InlineData("미장", new string[0])]
    public async Task Korean_partial_words_titles_and_instructor_names_are_found(string q, string[] titles)
    {
        var (kim, _, _, _) = await CatalogAsync();

        var page = await SearchAsync(kim, "q=" + Uri.EscapeDataString(q));

        Assert.Equal(titles.Order(), page.Items.Select(c => c.Title).Order());
    }

    [Fact]
    public async Task Filters_narrow_by_category_level_price_free_and_instructor()
    {
        var (kim, park, welding, _) = await CatalogAsync();
        var parkId = (await (await Client.SendAsync(HttpMethod.Get, "/api/v1/me", park)).ReadAsync<Me>()).Id;

        Assert.Equal(2, (await SearchAsync(kim, $"categoryId={welding}")).Items.Count);
        Assert.Equal(["TIG 용접 입문", "전기기능사 필기 한 번에"], (await SearchAsync(kim, "level=Beginner&sort=PriceAsc")).Items.Select(c => c.Title));
        Assert.Equal(["전기기능사 필기 한 번에", "특수용접기능사 실기 완성"], (await SearchAsync(kim, "minPrice=20000&maxPrice=40000&sort=PriceAsc")).Items.Select(c => c.Title));
        Assert.Equal(["TIG 용접 입문"], (await SearchAsync(kim, "freeOnly=true")).Items.Select(c => c.Title));
        Assert.All((await SearchAsync(kim, $"instructorId={parkId}")).Items, c => Assert.Equal("박전기", c.InstructorName));
    }

    [Fact]
    public async Task Sorts_order_by_price_newest_and_popularity()
    {
        var (kim, _, _, _) = await CatalogAsync();
        var all = (await SearchAsync(kim, "sort=Newest")).Items;
        await Client.SendAsync(HttpMethod.Put, $"/api/v1/courses/{all[^1].Id}/like", kim);

        Assert.Equal([0L, 25_000, 39_000, 55_000], (await SearchAsync(kim, "sort=PriceAsc")).Items.Select(c => c.PriceKrw));
        Assert.Equal([55_000L, 39_000, 25_000, 0], (await SearchAsync(kim, "sort=PriceDesc")).Items.Select(c => c.PriceKrw));
        Assert.Equal("배관 기초와 누수 잡기", all[0].Title); // published last
        Assert.Equal(all[^1].Id, (await SearchAsync(kim, "sort=Popular")).Items[0].Id);
    }

    [Fact]
    public async Task Facets_count_each_category_for_the_query_whatever_the_category_filter()
    {
        var (kim, _, welding, electrical) = await CatalogAsync();

        var page = await SearchAsync(kim, $"q=기능사&categoryId={welding}");

        Assert.Single(page.Items);
        Assert.Equal([(welding, 1), (electrical, 1)], page.Facets!.Select(f => (f.CategoryId, f.Count)).OrderBy(f => f.CategoryId == electrical));
    }

    [Theory]
    [InlineData("sort=Newest")]
    [InlineData("sort=PriceAsc")]
    [InlineData("sort=Popular")]
    [InlineData("q=기술&sort=Relevance")]
    public async Task Pages_neither_skip_nor_repeat_while_courses_are_inserted(string sort)
    {
        var (kim, _, welding, _) = await CatalogAsync();
        var expected = new List<Guid>();
        for (var page = await SearchAsync(kim, sort + "&limit=10"); ; page = await SearchAsync(kim, $"{sort}&limit=10&cursor={page.NextCursor}"))
        {
            expected.AddRange(page.Items.Select(c => c.Id));
            if (page.NextCursor is null)
            {
                break;
            }
        }

        var seen = new List<Guid>();
        var first = await SearchAsync(kim, sort + "&limit=3");
        seen.AddRange(first.Items.Select(c => c.Id));
        var cursor = first.NextCursor;
        var inserted = 0;
        while (cursor is not null)
        {
            await Publish(kim, welding, $"새 과정 {inserted++} 기술", 10_000 * inserted, "Beginner");
            var next = await SearchAsync(kim, $"{sort}&limit=3&cursor={cursor}");
            seen.AddRange(next.Items.Select(c => c.Id).Where(id => expected.Contains(id)));
            cursor = next.NextCursor;
        }

        Assert.Equal(expected, seen);
    }

    [Theory]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("sort=Relevance", "sort")]
    [InlineData("limit=0", "limit")]
    [InlineData("minPrice=500&maxPrice=100", "maxPrice")]
    [InlineData("q=%20%21", "q")]
    public async Task Bad_search_parameters_are_400_with_the_field_named(string query, string field)
    {
        var response = await Client.GetAsync("/api/v1/courses?" + query);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.Contains(field, problem.Errors!.Keys);
    }

    [Fact]
    public async Task A_cursor_from_another_sort_is_refused()
    {
        var (kim, _, _, _) = await CatalogAsync();
        var page = await SearchAsync(kim, "sort=Newest&limit=1");

        var response = await Client.SendAsync(HttpMethod.Get, $"/api/v1/courses?sort=PriceAsc&cursor={page.NextCursor}", kim);

        await response.ProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
    }
}
