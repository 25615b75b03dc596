using System.Net;
using LectureHub.IntegrationTests.Auth;
using LectureHub.IntegrationTests.Support;

namespace LectureHub.IntegrationTests.Community;

public sealed class WriteQuotaTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task A_user_past_their_hourly_posts_gets_429_with_retry_after_and_others_write_on()
    {
        await using var api = new ConfiguredApiFactory(("WriteQuotas:PostsPerHour", "2"), ("WriteQuotas:CommentsPerHour", "1"));
        using var client = api.CreateClient();
        var board = await api.BoardAsync(client);
        var busy = await client.SignUpAsync("busy@example.com");
        var other = await client.SignUpAsync("other@example.com");

        var post = await client.WritePostAsync(busy, board.Id);
        await client.WritePostAsync(busy, board.Id);
        var refused = await client.SendAsync(HttpMethod.Post, "/api/v1/posts", busy, new { boardId = board.Id, title = "세 번째", body = "본문" });
        await client.CommentAsync(busy, post.Id);
        var refusedComment = await client.SendAsync(HttpMethod.Post, $"/api/v1/posts/{post.Id}/comments", busy, new { body = "두 번째 댓글" });

        await refused.ProblemAsync(HttpStatusCode.TooManyRequests, "WRITE_RATE_LIMITED");
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 3601);
        await refusedComment.ProblemAsync(HttpStatusCode.TooManyRequests, "WRITE_RATE_LIMITED");
        await client.WritePostAsync(other, board.Id);
        Assert.Equal(2, await Api.ScalarAsync<long>(ApiFactory.PrimaryConnectionString,
            "SELECT count(*) FROM posts p JOIN users u ON u.id = p.author_id WHERE u.email = 'busy@example.com'"));
    }

    [Fact]
    public async Task Post_bodies_past_the_size_limit_are_refused_before_they_are_read()
    {
        var board = await Factory.BoardAsync(Client);
        var author = await Client.SignUpAsync("kim@example.com");

        var response = await Client.SendAsync(HttpMethod.Post, "/api/v1/posts", author, new { boardId = board.Id, title = "큰 글", body = new string('a', 300 * 1024) });

        await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "PAYLOAD_TOO_LARGE");
    }
}
