using LectureHub.Infrastructure.Community;
using LectureHub.IntegrationTests.Support;

namespace LectureHub.IntegrationTests.Community;

public sealed class PostSortTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Hot_counts_reactions_and_comments_of_the_last_seven_days_and_counter_sorts_follow_their_counters()
    {
        var now = new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);
        Factory.Clock.At = now.AddDays(-8);
        var board = await Factory.BoardAsync(Client);
        var author = await Client.SignUpAsync("kim@example.com");
        var readers = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => Client.SignUpAsync($"r{i}@example.com")));
        var a = await Client.WritePostAsync(author, board.Id, "A");
        var b = await Client.WritePostAsync(author, board.Id, "B");
        var c = await Client.WritePostAsync(author, board.Id, "C");
        foreach (var reader in readers)
        {
            await Client.SendAsync(HttpMethod.Put, $"/api/v1/posts/{a.Id}/reaction", reader, new { kind = "Like" });
        }

        Assert.Equal(1, await Factory.Service<HotScoreRefresher>().RefreshAsync(CancellationToken.None));
        Assert.Equal([a.Id, c.Id, b.Id], await IdsAsync(board.Id, "Hot"));

        // Eight days on, A's likes are out of the window and B's new comment is in.
        Factory.Clock.At = now;
        readers = await Task.WhenAll(readers.Select((_, i) => Client.LoginAsync($"r{i}@example.com")));
        await Client.CommentAsync(readers[0], b.Id);
        Assert.Equal(2, await Factory.Service<HotScoreRefresher>().RefreshAsync(CancellationToken.None));
        Assert.Equal([b.Id, c.Id, a.Id], await IdsAsync(board.Id, "Hot"));

        await Client.ReadPostAsync(c.Id, readers[0]);
        await Client.ReadPostAsync(c.Id, readers[1]);
        await Client.ReadPostAsync(a.Id, readers[0]);
        await Factory.Service<PostViewFlusher>().FlushAllAsync(CancellationToken.None);
        Assert.Equal([c.Id, a.Id, b.Id], await IdsAsync(board.Id, "MostViewed"));
        Assert.Equal([b.Id, c.Id, a.Id], await IdsAsync(null, "MostCommented"));

        await Api.SettledAsync();
        var first = await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/posts?boardId={board.Id}&sort=MostViewed&limit=2")).ReadAsync<PostPage>();
        var second = await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/posts?boardId={board.Id}&sort=MostViewed&limit=2&cursor={first.NextCursor}")).ReadAsync<PostPage>();
        Assert.Equal([c.Id, a.Id, b.Id], first.Items.Concat(second.Items).Select(p => p.Id));
        Assert.Null(second.NextCursor);
    }

    /// <summary>
    /// The order now, read by someone who just signed up: first pages are cached for a few seconds for everyone else,
    /// and a fresh writer reads past the cache (read-your-writes), as the author of a change would.
    /// </summary>
    private async Task<List<Guid>> IdsAsync(Guid? boardId, string sort)
    {
        var reader = await Client.SignUpAsync($"reader-{Guid.NewGuid():N}@example.com");
        return (await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/posts?sort={sort}" + (boardId is null ? "" : $"&boardId={boardId}"), reader)).ReadAsync<PostPage>())
            .Items.Select(p => p.Id).ToList();
    }
}
