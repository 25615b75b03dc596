using System.Net;
using System.Net.Http.Json;
using LectureHub.Infrastructure.Persistence;
using LectureHub.IntegrationTests.Support;

namespace LectureHub.IntegrationTests.Categories;

public sealed record Category(Guid Id, string Slug, string LabelKo, string LabelEn, string Icon, int SortOrder);

public sealed class CategoryTests(ApiFactory factory) : ApiTest(factory)
{
    private static readonly object Welding = new { slug = "welding", labelKo = "용접", labelEn = "Welding", icon = "flame", sortOrder = 20 };

    [Fact]
    public async Task Seeded_trade_categories_are_listed_in_display_order()
    {
        await DatabaseSetup.SeedCategoriesAsync(Factory.Services, CancellationToken.None);

        var categories = await Client.GetFromJsonAsync<List<Category>>("/api/v1/categories", Api.Json);

        Assert.Equal(DatabaseSetup.TradeCategories.Select(c => c.Slug), categories!.Select(c => c.Slug));
        Assert.Contains(categories!, c => c is { Slug: "welding", LabelKo: "용접" });
    }

    [Fact]
    public async Task The_list_is_served_from_redis_and_purged_through_the_outbox_when_a_category_changes()
    {
        var admin = await Client.SignUpAsync("admin@example.com", "Admin");
        Assert.Empty((await Client.GetFromJsonAsync<List<Category>>("/api/v1/categories", Api.Json))!);
        Assert.True(await Factory.CacheEntryExistsAsync("categories:v1"));

        var created = await (await Client.SendAsync(HttpMethod.Post, "/api/v1/categories", admin, Welding)).ReadAsync<Category>(HttpStatusCode.Created);

        // An anonymous reader sees the change once the relay has purged the cached list.
        await Api.EventuallyAsync(async () =>
            (await Client.GetFromJsonAsync<List<Category>>("/api/v1/categories", Api.Json))!.Any(c => c.Id == created.Id), "cache purged");
        Assert.NotNull(await Api.ScalarAsync<DateTime?>(ApiFactory.PrimaryConnectionString, "SELECT max(processed_at) FROM outbox_messages WHERE type = 'CategoriesChanged'"));
    }

    [Fact]
    public async Task The_admin_sees_their_own_change_immediately()
    {
        var admin = await Client.SignUpAsync("admin@example.com", "Admin");
        await Client.GetAsync("/api/v1/categories"); // fills the cache with the empty list

        await Client.SendAsync(HttpMethod.Post, "/api/v1/categories", admin, Welding);
        var seenByAdmin = await (await Client.SendAsync(HttpMethod.Get, "/api/v1/categories", admin)).ReadAsync<List<Category>>();

        Assert.Single(seenByAdmin, c => c.Slug == "welding");
    }

    [Fact]
    public async Task Admin_can_update_and_delete_a_category()
    {
        var admin = await Client.SignUpAsync("admin@example.com", "Admin");
        var created = await (await Client.SendAsync(HttpMethod.Post, "/api/v1/categories", admin, Welding)).ReadAsync<Category>(HttpStatusCode.Created);

        var updated = await (await Client.SendAsync(HttpMethod.Put, $"/api/v1/categories/{created.Id}", admin,
            new { labelKo = "특수용접", labelEn = "Special Welding", icon = "flame", sortOrder = 5 })).ReadAsync<Category>();
        Assert.Equal(("welding", "특수용접", 5), (updated.Slug, updated.LabelKo, updated.SortOrder));

        Assert.Equal(HttpStatusCode.NoContent, (await Client.SendAsync(HttpMethod.Delete, $"/api/v1/categories/{created.Id}", admin)).StatusCode);
        await (await Client.SendAsync(HttpMethod.Delete, $"/api/v1/categories/{created.Id}", admin)).ProblemAsync(HttpStatusCode.NotFound, "CATEGORY_NOT_FOUND");
    }

    [Fact]
    public async Task A_duplicate_slug_is_a_conflict_and_writes_nothing_to_the_outbox()
    {
        var admin = await Client.SignUpAsync("admin@example.com", "Admin");
        await Client.SendAsync(HttpMethod.Post, "/api/v1/categories", admin, Welding);
        var outboxBefore = await Api.ScalarAsync<long>(ApiFactory.PrimaryConnectionString, "SELECT count(*) FROM outbox_messages");

        var duplicate = await Client.SendAsync(HttpMethod.Post, "/api/v1/categories", admin, Welding);

        await duplicate.ProblemAsync(HttpStatusCode.Conflict, "CATEGORY_SLUG_TAKEN");
        Assert.Equal(outboxBefore, await Api.ScalarAsync<long>(ApiFactory.PrimaryConnectionString, "SELECT count(*) FROM outbox_messages"));
    }

    [Fact]
    public async Task Concurrent_creates_of_one_slug_yield_one_category()
    {
        var admin = await Client.SignUpAsync("admin@example.com", "Admin");

        var attempts = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Client.SendAsync(HttpMethod.Post, "/api/v1/categories", admin, Welding)));

        Assert.Equal(1, attempts.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(attempts.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(1L, await Api.ScalarAsync<long>(ApiFactory.PrimaryConnectionString, "SELECT count(*) FROM categories"));
    }

    [Fact]
    public async Task Students_cannot_change_categories()
    {
        var student = await Client.SignUpAsync("student@example.com");

        var response = await Client.SendAsync(HttpMethod.Post, "/api/v1/categories", student, Welding);

        await response.ProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
    }

    [Fact]
    public async Task An_invalid_slug_is_a_field_error()
    {
        var admin = await Client.SignUpAsync("admin@example.com", "Admin");

        var response = await Client.SendAsync(HttpMethod.Post, "/api/v1/categories", admin,
            new { slug = "Bad Slug!", labelKo = "", labelEn = "x", icon = "x", sortOrder = -1 });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.Equal(["labelKo", "slug", "sortOrder"], problem.Errors!.Keys.Order());
    }
}
