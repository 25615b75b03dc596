using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LectureHub.Load.Runner;

namespace LectureHub.Load.Scenarios;

/// <summary>
/// A realistic catalog session mix per iteration: a text search (usually a two-syllable trade word), a filtered browse
/// in a category, a course page from the results, and sometimes a like. Setup takes the category ids and course ids
/// from the API and signs in a pool of students, so a run measures browsing, not password hashing.
/// </summary>
internal static class CatalogBrowse
{
    private static readonly string[] Words = ["용접", "배관", "전기", "목공", "타일", "미장", "도장", "보일러", "에어컨", "굴삭기", "지게차", "자격증", "기능사", "실기", "입문", "누수", "tig"];

    /// <summary>
    /// What people type, most common first: the 17 words, then every ordered two-word phrase (289 in all), drawn
    /// Zipf-distributed (s = 1) as search logs are. Three in ten add a filter or another sort, so the head repeats and
    /// the long tail misses every cache.
    /// </summary>
    private static readonly ZipfSampler<string> Phrases = new([.. Words, .. ShuffledPairs()], exponent: 1.0);

    private static readonly string[] SearchVariants = ["", "", "", "", "", "", "", "&level=Beginner", "&freeOnly=true", "&sort=Newest"];
    private static readonly string[] Sorts = ["Popular", "Newest", "PriceAsc", "Rating"];

    public static Scenario Scenario => new()
    {
        Name = "catalog-browse",
        Description = "Catalog mix: search by Korean trade word → browse a category (popular/newest/price) → course page → like 1 in 10. " +
                      "Course and category ids come from the API; likes use students signed in during setup.",
        DefaultModel = LoadModel.Closed(users: 32),
        Setup = SetupAsync,
        Iteration = async ctx =>
        {
            var random = Random.Shared;
            var search = $"/api/v1/courses?q={Uri.EscapeDataString(Phrases.Next(random))}{SearchVariants[random.Next(SearchVariants.Length)]}";
            await ctx.Step("search", (http, ct) => http.GetAsync(search, ct));

            var category = ctx.Shared<Feed<Guid>>("categories").Next();
            await ctx.Step("browse", (http, ct) => http.GetAsync($"/api/v1/courses?categoryId={category}&sort={Sorts[random.Next(Sorts.Length)]}", ct));

            var course = ctx.Shared<Feed<Guid>>("courses").Next();
            await ctx.Step("detail", (http, ct) => http.GetAsync($"/api/v1/courses/{course}", ct));

            if (random.Next(10) == 0)
            {
                var student = ctx.Shared<Feed<Journeys.Tokens>>("students").Next();
                await ctx.Step("like", (http, ct) => http.SendAsync(Journeys.Authorized(HttpMethod.Put, $"/api/v1/courses/{course}/like", student), ct));
            }
        },
    };

    /// <summary>The course page alone, anonymous: with the cache on, what a cached read costs next to the ceiling.</summary>
    public static Scenario Detail => new()
    {
        Name = "course-detail",
        Description = "GET /api/v1/courses/{id} for popular and new courses, anonymous (cached page).",
        DefaultModel = LoadModel.Closed(users: 64),
        Setup = async setup => setup.Share("courses", new Feed<Guid>(await CourseIdsAsync(setup), random: true)),
        Iteration = ctx =>
        {
            var course = ctx.Shared<Feed<Guid>>("courses").Next();
            return ctx.Step("detail", (http, ct) => http.GetAsync($"/api/v1/courses/{course}", ct));
        },
    };

    private static async Task<List<Guid>> CourseIdsAsync(SetupContext setup)
    {
        var courses = new List<Guid>();
        foreach (var sort in Sorts)
        {
            var page = await setup.Http.GetFromJsonAsync<Page>($"/api/v1/courses?sort={sort}&limit=50", JsonSerializerOptions.Web, setup.CancellationToken);
            courses.AddRange(page!.Items.Select(c => c.Id));
        }

        return courses.Count > 0
            ? courses.Distinct().ToList()
            : throw new InvalidOperationException("No published courses: run scripts/catalog-data.sh and point the API at that database.");
    }

    private static async Task SetupAsync(SetupContext setup)
    {
        var categories = await setup.Http.GetFromJsonAsync<List<IdOnly>>("/api/v1/categories", JsonSerializerOptions.Web, setup.CancellationToken) ?? [];
        var courses = await CourseIdsAsync(setup);

        var students = new List<Journeys.Tokens>();
        foreach (var email in await Journeys.RegisterAccountsAsync(setup, 10))
        {
            students.Add(await Journeys.SignInAsync(setup, email));
        }

        setup.Share("categories", new Feed<Guid>(categories.Select(c => c.Id).ToList(), random: true));
        setup.Share("courses", new Feed<Guid>(courses, random: true));
        setup.Share("students", new Feed<Journeys.Tokens>(students, random: true));
    }

    /// <summary>Two-word phrases in a fixed pseudo-random order, the same in every run.</summary>
    private static string[] ShuffledPairs()
    {
        var pairs = Words.SelectMany(a => Words.Where(b => b != a).Select(b => $"{a} {b}")).ToArray();
        new Random(2026).Shuffle(pairs);
        return pairs;
    }

    private sealed record IdOnly(Guid Id);

    private sealed record Page(List<IdOnly> Items);
}
