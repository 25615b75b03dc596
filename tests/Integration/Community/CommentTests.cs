using System.Net;
using LectureHub.IntegrationTests.Support;

namespace LectureHub.IntegrationTests.Community;

public sealed class CommentTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Comments_list_in_thread_order_with_one_level_of_replies()
    {
        var board = await Factory.BoardAsync(Client);
        var author = await Client.SignUpAsync("kim@example.com");
        var other = await Client.SignUpAsync("lee@example.com");
        var post = await Client.WritePostAsync(author, board.Id);

        var a = await Client.CommentAsync(other, post.Id, "A");
        var b = await Client.CommentAsync(author, post.Id, "B");
        var a1 = await Client.CommentAsync(author, post.Id, "A-1", replyTo: a.Id);
        var a2 = await Client.CommentAsync(other, post.Id, "A-2", replyTo: a1.Id);

        await Api.SettledAsync();
        var page = await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/posts/{post.Id}/comments?limit=2")).ReadAsync<CommentPage>();
        var rest = await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/posts/{post.Id}/comments?limit=2&cursor={page.NextCursor}")).ReadAsync<CommentPage>();
        var read = await Client.ReadPostAsync(post.Id);

        Assert.Equal(["A", "A-1", "A-2", "B"], page.Items.Concat(rest.Items).Select(c => c.BodyMarkdown));
        Assert.Equal([null, a.Id, a.Id, null], page.Items.Concat(rest.Items).Select(c => c.ParentId));
        Assert.Null(rest.NextCursor);
        Assert.Equal(4, read.CommentCount);
        Assert.Equal(b.Id, rest.Items[1].Id);
        Assert.Equal(a2.ParentId, a.Id);
    }

    [Fact]
    public async Task Only_the_author_edits_or_deletes_a_comment_and_admins_hide_it()
    {
        var board = await Factory.BoardAsync(Client);
        var author = await Client.SignUpAsync("kim@example.com");
        var other = await Client.SignUpAsync("lee@example.com");
        var admin = await Client.SignUpAsync("admin@example.com", "Admin");
        var post = await Client.WritePostAsync(author, board.Id);
        var comment = await Client.CommentAsync(other, post.Id, "원래 댓글");
        var second = await Client.CommentAsync(other, post.Id, "두 번째");

        await (await Client.SendAsync(HttpMethod.Put, $"/api/v1/comments/{comment.Id}", author, new { body = "남의 댓글" })).ProblemAsync(HttpStatusCode.Forbidden, "NOT_AUTHOR");
        await (await Client.SendAsync(HttpMethod.Delete, $"/api/v1/comments/{comment.Id}", admin)).ProblemAsync(HttpStatusCode.Forbidden, "NOT_AUTHOR");
        await (await Client.SendAsync(HttpMethod.Put, $"/api/v1/comments/{comment.Id}/moderation", author, new { hidden = true })).ProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        var edited = await (await Client.SendAsync(HttpMethod.Put, $"/api/v1/comments/{comment.Id}", other, new { body = "고친 댓글" })).ReadAsync<Comment>();
        Assert.Equal("고친 댓글", edited.BodyMarkdown);

        Assert.Equal(HttpStatusCode.NoContent, (await Client.SendAsync(HttpMethod.Delete, $"/api/v1/comments/{comment.Id}", other)).StatusCode);
        var hidden = await (await Client.SendAsync(HttpMethod.Put, $"/api/v1/comments/{second.Id}/moderation", admin, new { hidden = true })).ReadAsync<Comment>();
        await Api.SettledAsync();
        var thread = await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/posts/{post.Id}/comments", author)).ReadAsync<CommentPage>();
        var asAuthor = await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/posts/{post.Id}/comments", other)).ReadAsync<CommentPage>();

        Assert.True(hidden.IsHidden);
        Assert.Equal([(true, false, "", null), (false, true, "", null)], thread.Items.Select(c => (c.IsDeleted, c.IsHidden, c.BodyMarkdown, c.Author)));
        Assert.Equal("두 번째", asAuthor.Items[1].BodyMarkdown);
        Assert.Equal(0, (await Client.ReadPostAsync(post.Id)).CommentCount);
        await (await Client.SendAsync(HttpMethod.Put, $"/api/v1/comments/{comment.Id}", other, new { body = "되살리기" })).ProblemAsync(HttpStatusCode.Conflict, "COMMENT_DELETED");
        await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/posts/{post.Id}/comments", author, new { body = "답글", replyTo = comment.Id }))
            .ProblemAsync(HttpStatusCode.Conflict, "COMMENT_NOT_REPLYABLE");
    }

    [Fact]
    public async Task Reactions_are_one_per_user_switchable_and_idempotent()
    {
        var board = await Factory.BoardAsync(Client);
        var author = await Client.SignUpAsync("kim@example.com");
        var reader = await Client.SignUpAsync("lee@example.com");
        var post = await Client.WritePostAsync(author, board.Id);
        var comment = await Client.CommentAsync(author, post.Id);

        foreach (var target in new[] { $"/api/v1/posts/{post.Id}", $"/api/v1/comments/{comment.Id}" })
        {
            var liked = await (await Client.SendAsync(HttpMethod.Put, $"{target}/reaction", reader, new { kind = "Like" })).ReadAsync<ReactionState>();
            var again = await (await Client.SendAsync(HttpMethod.Put, $"{target}/reaction", reader, new { kind = "Like" })).ReadAsync<ReactionState>();
            var switched = await (await Client.SendAsync(HttpMethod.Put, $"{target}/reaction", reader, new { kind = "Dislike" })).ReadAsync<ReactionState>();
            var removed = await (await Client.SendAsync(HttpMethod.Delete, $"{target}/reaction", reader)).ReadAsync<ReactionState>();
            var removedAgain = await (await Client.SendAsync(HttpMethod.Delete, $"{target}/reaction", reader)).ReadAsync<ReactionState>();

            Assert.Equal(("Like", 1, 0), (liked.MyReaction, liked.LikeCount, liked.DislikeCount));
            Assert.Equal((1, 0), (again.LikeCount, again.DislikeCount));
            Assert.Equal(("Dislike", 0, 1), (switched.MyReaction, switched.LikeCount, switched.DislikeCount));
            Assert.Equal((null, 0, 0), (removed.MyReaction, removed.LikeCount, removed.DislikeCount));
            Assert.Equal((0, 0), (removedAgain.LikeCount, removedAgain.DislikeCount));
        }

        await Client.SendAsync(HttpMethod.Put, $"/api/v1/posts/{post.Id}/reaction", reader, new { kind = "Like" });
        await Client.SendAsync(HttpMethod.Put, $"/api/v1/comments/{comment.Id}/reaction", reader, new { kind = "Dislike" });
        var read = await Client.ReadPostAsync(post.Id, reader);
        var thread = await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/posts/{post.Id}/comments", reader)).ReadAsync<CommentPage>();
        Assert.Equal(("Like", 1), (read.MyReaction, read.LikeCount));
        Assert.Equal(("Dislike", 1), (thread.Items[0].MyReaction, thread.Items[0].DislikeCount));
        await (await Client.SendAsync(HttpMethod.Put, $"/api/v1/posts/{post.Id}/reaction", reader, new { kind = "Love" })).ProblemAsync(HttpStatusCode.BadRequest, "MALFORMED_JSON");
    }

    [Fact]
    public async Task A_thousand_concurrent_toggles_leave_every_counter_equal_to_its_rows()
    {
        var board = await Factory.BoardAsync(Client);
        var author = await Client.SignUpAsync("kim@example.com");
        var post = await Client.WritePostAsync(author, board.Id);
        var comment = await Client.CommentAsync(author, post.Id);
        var users = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Client.SignUpAsync($"u{i}@example.com")));
        var random = new Random(17);
        var toggles = Enumerable.Range(0, 1000).Select(i => (
            User: users[i % users.Length],
            Target: random.Next(2) == 0 ? $"/api/v1/posts/{post.Id}" : $"/api/v1/comments/{comment.Id}",
            Action: random.Next(3))).ToList();

        var responses = await Task.WhenAll(toggles.Select(t => t.Action == 2
            ? Client.SendAsync(HttpMethod.Delete, $"{t.Target}/reaction", t.User)
            : Client.SendAsync(HttpMethod.Put, $"{t.Target}/reaction", t.User, new { kind = t.Action == 0 ? "Like" : "Dislike" })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var db = ApiFactory.PrimaryConnectionString;
        foreach (var (rows, counters, id) in new[]
                 {
                     ("post_reactions WHERE post_id = @id", "post_stats WHERE post_id = @id", post.Id),
                     ("comment_reactions WHERE comment_id = @id", "comments WHERE id = @id", comment.Id),
                 })
        {
            var likes = await Api.ScalarAsync<long>(db, $"SELECT count(*) FROM {rows} AND kind = 'Like'", ("id", id));
            var dislikes = await Api.ScalarAsync<long>(db, $"SELECT count(*) FROM {rows} AND kind = 'Dislike'", ("id", id));
            var counted = await Api.ScalarAsync<string>(db, $"SELECT like_count || '/' || dislike_count FROM {counters}", ("id", id));
            Assert.Equal($"{likes}/{dislikes}", counted);
            Assert.InRange(likes + dislikes, 1, users.Length);
        }
    }
}
