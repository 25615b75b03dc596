using LectureHub.Application.Community.Commands;
using LectureHub.Infrastructure.Community;
using LectureHub.IntegrationTests.Support;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace LectureHub.IntegrationTests.Community;

public sealed class ViewCountTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task A_thousand_concurrent_reads_by_a_hundred_viewers_are_a_hundred_views_after_the_flush()
    {
        var board = await Factory.BoardAsync(Client);
        var post = await Client.WritePostAsync(await Client.SignUpAsync("kim@example.com"), board.Id);
        var signedIn = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Client.SignUpAsync($"u{i}@example.com")));

        await Api.SettledAsync();
        // 50 signed-in readers and 50 anonymous ones (address + user agent), ten reads each, all at once.
        var reads = Enumerable.Range(0, 1000).Select(i =>
        {
            var viewer = i % 100;
            var request = Api.Request(HttpMethod.Get, $"/api/v1/posts/{post.Id}", viewer < 50 ? signedIn[viewer] : null);
            request.Headers.UserAgent.ParseAdd($"Browser/{viewer}");
            return Client.SendAsync(request);
        });
        var responses = await Task.WhenAll(reads);

        Assert.All(responses, r => Assert.True(r.IsSuccessStatusCode));
        Assert.Equal(0, await ViewCountAsync(post.Id));
        var flushed = await Factory.Service<PostViewFlusher>().FlushAllAsync(CancellationToken.None);
        Assert.Equal(100, flushed);
        Assert.Equal(100, await ViewCountAsync(post.Id));
        // Others see the count within the cached page's lifetime; someone who just signed up reads past the cache.
        Assert.Equal(100, (await Client.ReadPostAsync(post.Id, await Client.SignUpAsync("fresh@example.com"))).ViewCount);

        // The same viewers again: no new views within the window (and the read above was a new viewer).
        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Client.ReadPostAsync(post.Id, signedIn[i])));
        Assert.Equal(1, await Factory.Service<PostViewFlusher>().FlushAllAsync(CancellationToken.None));
        Assert.Equal(101, await ViewCountAsync(post.Id));
    }

    [Fact]
    public async Task A_batch_flushed_twice_counts_once()
    {
        var board = await Factory.BoardAsync(Client);
        var post = await Client.WritePostAsync(await Client.SignUpAsync("kim@example.com"), board.Id);
        var readers = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => Client.SignUpAsync($"u{i}@example.com")));
        await Api.SettledAsync();
        await Task.WhenAll(readers.Select(r => Client.ReadPostAsync(post.Id, r)));
        Factory.Clock.At = DateTimeOffset.UtcNow;

        // A flusher claims the batch and commits it, then dies before acknowledging it in Redis.
        var buffer = Factory.Service<PostViewBuffer>();
        var batch = (await buffer.ClaimAsync())!;
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new FlushPostViewsCommand(batch.Id, batch.Views)));
        }

        // Within the lease nobody else takes it; after the lease the next flusher does, and adds nothing twice.
        Assert.Equal(0, await Factory.Service<PostViewFlusher>().FlushAllAsync(CancellationToken.None));
        Factory.Clock.At = Factory.Clock.At.Value.AddMinutes(2);
        Assert.Equal(3, await Factory.Service<PostViewFlusher>().FlushAllAsync(CancellationToken.None));
        Assert.Null(await buffer.ClaimAsync());
        Assert.Equal(3, await ViewCountAsync(post.Id));
    }

    [Fact]
    public async Task Hidden_and_deleted_posts_count_no_views_and_a_viewer_is_remembered_for_a_day()
    {
        var board = await Factory.BoardAsync(Client);
        var author = await Client.SignUpAsync("kim@example.com");
        var admin = await Client.SignUpAsync("admin@example.com", "Admin");
        var post = await Client.WritePostAsync(author, board.Id);
        var other = await Client.WritePostAsync(author, board.Id, "두 번째");
        await Api.SettledAsync();
        await Client.ReadPostAsync(post.Id, admin);
        Assert.True(await Factory.RedisKeyTtlAsync($"pv:{post.Id:N}:u{(await MeAsync(admin)):N}") is { TotalHours: > 23.9 and <= 24 });

        await Client.SendAsync(HttpMethod.Put, $"/api/v1/posts/{post.Id}/moderation", admin, new { hidden = true });
        await Client.SendAsync(HttpMethod.Delete, $"/api/v1/posts/{other.Id}", author);
        await Api.SettledAsync();
        await Client.ReadPostAsync(post.Id, author);
        await Client.ReadPostAsync(other.Id);
        await Factory.Service<PostViewFlusher>().FlushAllAsync(CancellationToken.None);

        Assert.Equal(1, await ViewCountAsync(post.Id));
        Assert.Equal(0, await ViewCountAsync(other.Id));
    }

    private async Task<Guid> MeAsync(Tokens user) =>
        (await (await Client.SendAsync(HttpMethod.Get, "/api/v1/me", user)).ReadAsync<Me>()).Id;

    private static async Task<int> ViewCountAsync(Guid postId) =>
        await Api.ScalarAsync<int>(ApiFactory.PrimaryConnectionString, "SELECT view_count FROM post_stats WHERE post_id = @p", ("p", postId));
}
