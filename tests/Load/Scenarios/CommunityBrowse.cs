using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LectureHub.Load.Runner;

namespace LectureHub.Load.Scenarios;

/// <summary>
/// A community session per iteration: list a board (Zipf over boards; mostly newest, sometimes hot or most viewed),
/// open a post from that page (a view), read its comments, react one time in ten, and one time in fifty comment and
/// read the comment back as its author (read-your-writes: a 404 there is a failed "own-comment" step). Readers are
/// anonymous viewers (address + user agent) or, one in four (LH_COMMUNITY_SIGNED_IN_PERCENT), signed-in students.
/// After the run, Verify waits for the view flush and checks every post's view count grew by exactly the distinct
/// viewers the run sent it.
/// </summary>
internal static class CommunityBrowse
{
    private static readonly string[] Sorts = ["Newest", "Newest", "Newest", "Newest", "Hot", "MostViewed", "MostCommented"];

    public static Scenario Scenario => new()
    {
        Name = "community-browse",
        Description = "Community mix: a board page → a post (one view per viewer) → its comments → react 1 in 10 → comment 1 in 50 and read it back. " +
                      "Verify: view counts exact after the flush.",
        DefaultModel = LoadModel.Closed(users: 32),
        Setup = SetupAsync,
        Verify = VerifyAsync,
        Iteration = async ctx =>
        {
            var random = Random.Shared;
            var run = ctx.Shared<RunState>("run");
            var board = run.Boards.Next(random);
            var sort = Sorts[random.Next(Sorts.Length)];
            var page = await ctx.Step("board", (http, ct) => http.GetAsync($"/api/v1/posts?boardId={board}&sort={sort}", ct));
            if (page is null)
            {
                return;
            }

            var posts = (await page.Content.ReadFromJsonAsync<Page>(JsonSerializerOptions.Web))!.Items.Where(p => run.Baseline.ContainsKey(p.Id)).ToList();
            if (posts.Count == 0)
            {
                return;
            }

            var post = posts[random.Next(posts.Count)].Id;
            var student = run.Students.Next();
            var viewer = random.Next(100) < run.SignedInPercent ? student.Id : $"load-{run.Id}-{random.Next(run.AnonymousViewers)}";
            if (await ctx.Step("post", (http, ct) => http.SendAsync(run.Read(post, viewer), ct)) is not null)
            {
                run.Views.TryAdd((post, viewer), 0);
            }

            await ctx.Step("comments", (http, ct) => http.GetAsync($"/api/v1/posts/{post}/comments", ct));

            if (random.Next(10) == 0)
            {
                var kind = random.Next(5) == 0 ? "Dislike" : "Like";
                await ctx.Step("react", (http, ct) => http.SendAsync(Json(HttpMethod.Put, $"/api/v1/posts/{post}/reaction", student.Tokens, new { kind }), ct));
            }

            if (random.Next(50) == 0)
            {
                var body = $"부하 테스트 댓글 {ctx.Sequence}";
                if (await ctx.Step("comment", (http, ct) => http.SendAsync(Json(HttpMethod.Post, $"/api/v1/posts/{post}/comments", student.Tokens, new { body }), ct),
                        HttpStatusCode.Created) is { } created)
                {
                    // The author reads it back at once: a 404 here would be a stale replica (read-your-writes broken).
                    var comment = (await created.Content.ReadFromJsonAsync<IdOnly>(JsonSerializerOptions.Web))!.Id;
                    await ctx.Step("own-comment", (http, ct) => http.SendAsync(Journeys.Authorized(HttpMethod.Get, $"/api/v1/comments/{comment}", student.Tokens), ct));
                }
            }
        },
    };

    private static async Task SetupAsync(SetupContext setup)
    {
        var boards = await setup.Http.GetFromJsonAsync<List<IdOnly>>("/api/v1/boards", JsonSerializerOptions.Web, setup.CancellationToken) ?? [];
        var baseline = new ConcurrentDictionary<Guid, int>();
        foreach (var board in boards)
        {
            foreach (var sort in Sorts.Distinct())
            {
                var page = await setup.Http.GetFromJsonAsync<Page>($"/api/v1/posts?boardId={board.Id}&sort={sort}", JsonSerializerOptions.Web, setup.CancellationToken);
                foreach (var post in page!.Items)
                {
                    baseline[post.Id] = post.ViewCount;
                }
            }
        }

        if (baseline.IsEmpty)
        {
            throw new InvalidOperationException("No posts: run scripts/catalog-data.sh (it generates the community too) and point the API at that database.");
        }

        var students = new List<Student>();
        foreach (var email in await Journeys.RegisterAccountsAsync(setup, 10))
        {
            var tokens = await Journeys.SignInAsync(setup, email);
            var me = (await (await Journeys.Expect(setup, Journeys.Authorized(HttpMethod.Get, "/api/v1/me", tokens), HttpStatusCode.OK, "read /me"))
                .Content.ReadFromJsonAsync<IdOnly>(JsonSerializerOptions.Web))!;
            students.Add(new Student("u" + me.Id.ToString("N"), tokens));
        }

        setup.Share("run", new RunState(
            Guid.NewGuid().ToString("N")[..8], new ZipfSampler<Guid>(boards.Select(b => b.Id).ToList(), 0.8), baseline,
            new Feed<Student>(students, random: true), Journeys.EnvInt("LH_COMMUNITY_VIEWERS", 2_000),
            int.TryParse(Environment.GetEnvironmentVariable("LH_COMMUNITY_SIGNED_IN_PERCENT"), out var percent) ? Math.Clamp(percent, 0, 100) : 25));
    }

    /// <summary>Waits (up to a minute) for the flush, then checks each viewed post's count: the baseline plus this run's distinct viewers, exactly.</summary>
    private static async Task<string> VerifyAsync(SetupContext setup)
    {
        var run = setup.Shared<RunState>("run");
        var expected = run.Views.Keys.GroupBy(v => v.Post).ToDictionary(g => g.Key, g => run.Baseline[g.Key] + g.Count());
        var viewers = run.Views.Keys.GroupBy(v => v.Post).ToDictionary(g => g.Key, g => g.First().Viewer);
        var deadline = DateTime.UtcNow.AddMinutes(1);
        Dictionary<Guid, int> actual;
        while (true)
        {
            actual = [];
            foreach (var (post, viewer) in viewers)
            {
                // Read as one of the post's own viewers: already counted in this window, so the check adds no view.
                using var response = await setup.Http.SendAsync(run.Read(post, viewer), setup.CancellationToken);
                actual[post] = (await response.Content.ReadFromJsonAsync<Card>(JsonSerializerOptions.Web, setup.CancellationToken))!.ViewCount;
            }

            if (actual.Any(a => a.Value > expected[a.Key]))
            {
                break;
            }

            if (actual.All(a => a.Value == expected[a.Key]) || DateTime.UtcNow > deadline)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromSeconds(2), setup.CancellationToken);
        }

        var wrong = expected.Where(e => actual[e.Key] != e.Value).Select(e => $"{e.Key}: {actual[e.Key]} views, expected {e.Value}").ToList();
        return wrong.Count == 0
            ? $"view counts exact after the flush: {run.Views.Count:N0} distinct (post, viewer) views on {expected.Count:N0} posts"
            : throw new InvalidOperationException($"{wrong.Count} of {expected.Count} posts' view counts are not exact: {string.Join("; ", wrong.Take(5))}");
    }

    private static HttpRequestMessage Json(HttpMethod method, string url, Journeys.Tokens tokens, object body)
    {
        var request = Journeys.Authorized(method, url, tokens);
        request.Content = JsonContent.Create(body);
        return request;
    }

    private sealed record RunState(
        string Id, ZipfSampler<Guid> Boards, ConcurrentDictionary<Guid, int> Baseline, Feed<Student> Students, int AnonymousViewers, int SignedInPercent)
    {
        /// <summary>Every (post, viewer) this run's reads were answered for: the views it added.</summary>
        public ConcurrentDictionary<(Guid Post, string Viewer), byte> Views { get; } = new();

        /// <summary>A post read by a viewer: a student (id "u…") signed in, anyone else anonymous with the viewer as user agent.</summary>
        public HttpRequestMessage Read(Guid post, string viewer) => Students.All.FirstOrDefault(s => s.Id == viewer) is { } student
            ? Journeys.Authorized(HttpMethod.Get, $"/api/v1/posts/{post}", student.Tokens)
            : new HttpRequestMessage(HttpMethod.Get, $"/api/v1/posts/{post}") { Headers = { { "User-Agent", viewer } } };
    }

    /// <summary>A signed-in student; <see cref="Id"/> is how the API names them as a viewer.</summary>
    private sealed record Student(string Id, Journeys.Tokens Tokens);

    private sealed record IdOnly(Guid Id);

    private sealed record Card(Guid Id, int ViewCount);

    private sealed record Page(List<Card> Items);

}
