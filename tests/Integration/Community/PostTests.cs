using System.Net;
using LectureHub.IntegrationTests.Support;

namespace LectureHub.IntegrationTests.Community;

public sealed class PostTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task A_post_keeps_its_markdown_and_reads_as_safe_html_on_its_board()
    {
        var board = await Factory.BoardAsync(Client);
        var author = await Client.SignUpAsync("kim@example.com", displayName: "김용접");

        var post = await Client.WritePostAsync(author, board.Id, body: "전극 끝을 **30도**로\n\n- 순수 텅스텐\n- 토륨");
        await Api.SettledAsync();
        var page = await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/posts?boardId={board.Id}")).ReadAsync<PostPage>();

        Assert.Equal("전극 끝을 **30도**로\n\n- 순수 텅스텐\n- 토륨", post.BodyMarkdown);
        Assert.Contains("<strong>30도</strong>", post.BodyHtml);
        Assert.Contains("<li>토륨</li>", post.BodyHtml);
        Assert.Equal(("welding", "김용접", 0), (post.BoardSlug, post.Author!.DisplayName, post.ViewCount));
        var card = Assert.Single(page.Items);
        Assert.Equal((post.Id, "TIG 용접 텅스텐 각도 질문"), (card.Id, card.Title));
        Assert.Empty(page.Pinned!);
    }

    [Fact]
    public async Task Title_and_body_limits_are_400s_naming_the_field()
    {
        var board = await Factory.BoardAsync(Client);
        var author = await Client.SignUpAsync("kim@example.com");

        var response = await Client.SendAsync(HttpMethod.Post, "/api/v1/posts", author, new { boardId = board.Id, title = new string('가', 151), body = "" });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.Contains("title", problem.Errors!.Keys);
        Assert.Contains("body", problem.Errors!.Keys);
        await (await Client.SendAsync(HttpMethod.Post, "/api/v1/posts", author, new { boardId = Guid.NewGuid(), title = "t", body = "b" }))
            .ProblemAsync(HttpStatusCode.NotFound, "BOARD_NOT_FOUND");
        await (await Client.SendAsync(HttpMethod.Post, "/api/v1/posts", null, new { boardId = board.Id, title = "t", body = "b" }))
            .ProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
    }

    [Fact]
    public async Task Only_the_author_edits_or_deletes_and_a_deleted_post_keeps_its_thread()
    {
        var board = await Factory.BoardAsync(Client);
        var author = await Client.SignUpAsync("kim@example.com");
        var other = await Client.SignUpAsync("lee@example.com", displayName: "이학생");
        var admin = await Client.SignUpAsync("admin@example.com", "Admin");
        var post = await Client.WritePostAsync(author, board.Id);
        await Client.CommentAsync(other, post.Id, "좋은 질문입니다");

        foreach (var stranger in new[] { other, admin })
        {
            await (await Client.SendAsync(HttpMethod.Put, $"/api/v1/posts/{post.Id}", stranger, new { title = "바꿈", body = "바꿈" })).ProblemAsync(HttpStatusCode.Forbidden, "NOT_AUTHOR");
            await (await Client.SendAsync(HttpMethod.Delete, $"/api/v1/posts/{post.Id}", stranger)).ProblemAsync(HttpStatusCode.Forbidden, "NOT_AUTHOR");
        }

        var edited = await (await Client.SendAsync(HttpMethod.Put, $"/api/v1/posts/{post.Id}", author, new { title = "수정한 제목", body = "_수정_" })).ReadAsync<Post>();
        Assert.Equal(("수정한 제목", "<p><em>수정</em></p>\n"), (edited.Title, edited.BodyHtml));
        Assert.NotNull(edited.EditedAt);

        Assert.Equal(HttpStatusCode.NoContent, (await Client.SendAsync(HttpMethod.Delete, $"/api/v1/posts/{post.Id}", author)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Client.SendAsync(HttpMethod.Delete, $"/api/v1/posts/{post.Id}", author)).StatusCode);
        await Api.SettledAsync();
        var deleted = await Client.ReadPostAsync(post.Id, other);
        var thread = await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/posts/{post.Id}/comments", other)).ReadAsync<CommentPage>();
        var list = await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/posts?boardId={board.Id}")).ReadAsync<PostPage>();

        Assert.Equal((true, "", "", null), (deleted.IsDeleted, deleted.Title, deleted.BodyHtml, deleted.Author));
        Assert.Equal("좋은 질문입니다", Assert.Single(thread.Items).BodyMarkdown);
        Assert.Empty(list.Items);
        await (await Client.SendAsync(HttpMethod.Put, $"/api/v1/posts/{post.Id}", author, new { title = "다시", body = "다시" })).ProblemAsync(HttpStatusCode.Conflict, "POST_DELETED");
        await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/posts/{post.Id}/comments", other, new { body = "늦은 댓글" })).ProblemAsync(HttpStatusCode.Conflict, "POST_DELETED");
    }

    [Fact]
    public async Task A_hidden_post_is_invisible_to_everyone_but_its_author_and_admins()
    {
        var board = await Factory.BoardAsync(Client);
        var author = await Client.SignUpAsync("kim@example.com");
        var other = await Client.SignUpAsync("lee@example.com");
        var admin = await Client.SignUpAsync("admin@example.com", "Admin");
        var post = await Client.WritePostAsync(author, board.Id);
        var comment = await Client.CommentAsync(author, post.Id, "작성자 댓글");

        // Another reader has the post cached: hiding it purges that copy through the outbox.
        await Api.SettledAsync();
        Assert.Equal(post.Title, (await Client.ReadPostAsync(post.Id)).Title);
        await (await Client.SendAsync(HttpMethod.Put, $"/api/v1/posts/{post.Id}/moderation", author, new { hidden = true })).ProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        var hidden = await (await Client.SendAsync(HttpMethod.Put, $"/api/v1/posts/{post.Id}/moderation", admin, new { hidden = true })).ReadAsync<Post>();
        Assert.True(hidden.IsHidden);

        await Api.SettledAsync();
        foreach (var reader in new[] { other, null })
        {
            await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/posts/{post.Id}", reader)).ProblemAsync(HttpStatusCode.NotFound, "POST_NOT_FOUND");
            await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/comments/{comment.Id}", reader)).ProblemAsync(HttpStatusCode.NotFound, "COMMENT_NOT_FOUND");
            await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/posts/{post.Id}/comments", reader)).ProblemAsync(HttpStatusCode.NotFound, "POST_NOT_FOUND");
        }

        await (await Client.SendAsync(HttpMethod.Put, $"/api/v1/posts/{post.Id}/reaction", other, new { kind = "Like" })).ProblemAsync(HttpStatusCode.NotFound, "POST_NOT_FOUND");
        await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/posts/{post.Id}/comments", other, new { body = "보이나요" })).ProblemAsync(HttpStatusCode.NotFound, "POST_NOT_FOUND");
        Assert.True((await Client.ReadPostAsync(post.Id, author)).IsHidden);
        Assert.True((await Client.ReadPostAsync(post.Id, admin)).IsHidden);
        Assert.Empty((await (await Client.SendAsync(HttpMethod.Get, "/api/v1/posts", author)).ReadAsync<PostPage>()).Items);
    }

    [Fact]
    public async Task A_locked_post_takes_no_comments_and_a_pinned_one_heads_its_board()
    {
        var board = await Factory.BoardAsync(Client);
        var author = await Client.SignUpAsync("kim@example.com");
        var admin = await Client.SignUpAsync("admin@example.com", "Admin");
        var notice = await Client.WritePostAsync(author, board.Id, "공지: 안전 수칙");
        await Client.WritePostAsync(author, board.Id, "새 글");

        var moderated = await (await Client.SendAsync(HttpMethod.Put, $"/api/v1/posts/{notice.Id}/moderation", admin, new { locked = true, pinned = true })).ReadAsync<Post>();
        await Api.SettledAsync();
        var page = await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/posts?boardId={board.Id}")).ReadAsync<PostPage>();

        Assert.Equal((true, true, false), (moderated.IsLocked, moderated.IsPinned, moderated.IsHidden));
        Assert.Equal(notice.Id, Assert.Single(page.Pinned!).Id);
        Assert.Equal(2, page.Items.Count);
        await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/posts/{notice.Id}/comments", author, new { body = "댓글" })).ProblemAsync(HttpStatusCode.Conflict, "POST_LOCKED");
    }

    [Fact]
    public async Task Search_finds_korean_partial_words_in_titles_and_bodies_across_boards()
    {
        var boards = await Factory.BoardsAsync(Client);
        var author = await Client.SignUpAsync("kim@example.com");
        var inTitle = await Client.WritePostAsync(author, boards.Single(b => b.Slug == "welding").Id, "특수용접기능사 실기 후기", "합격했습니다");
        var inBody = await Client.WritePostAsync(author, boards.Single(b => b.Slug == "general").Id, "자격증 질문", "피복아크용접은 어렵나요?");
        await Client.WritePostAsync(author, boards.Single(b => b.Slug == "plumbing").Id, "배관 자재 추천", "동관과 PPR");

        await Api.SettledAsync();
        var found = await (await Client.SendAsync(HttpMethod.Get, "/api/v1/posts?q=용접")).ReadAsync<PostPage>();
        var onBoard = await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/posts?q=용접&boardId={inBody.BoardId}")).ReadAsync<PostPage>();
        var none = await (await Client.SendAsync(HttpMethod.Get, "/api/v1/posts?q=전기")).ReadAsync<PostPage>();

        Assert.Equal([inBody.Id, inTitle.Id], found.Items.Select(p => p.Id));
        Assert.Equal(inBody.Id, Assert.Single(onBoard.Items).Id);
        Assert.Empty(none.Items);
    }

    [Fact]
    public async Task Pages_neither_skip_nor_repeat_while_posts_are_written()
    {
        var board = await Factory.BoardAsync(Client);
        var author = await Client.SignUpAsync("kim@example.com");
        var first = new List<Guid>();
        for (var i = 0; i < 25; i++)
        {
            first.Add((await Client.WritePostAsync(author, board.Id, $"글 {i}")).Id);
        }

        var seen = new List<Guid>();
        string? cursor = null;
        var pages = 0;
        do
        {
            await Api.SettledAsync();
            var page = await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/posts?boardId={board.Id}&limit=10" + (cursor is null ? "" : $"&cursor={cursor}"))).ReadAsync<PostPage>();
            seen.AddRange(page.Items.Select(p => p.Id));
            cursor = page.NextCursor;
            if (pages++ == 0)
            {
                for (var i = 0; i < 5; i++)
                {
                    await Client.WritePostAsync(author, board.Id, $"새 글 {i}");
                }
            }
        }
        while (cursor is not null);

        Assert.Equal(Enumerable.Reverse(first), seen);
        await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/posts?sort=Hot&cursor={cursor ?? "eyJ4IjoxfQ"}")).ProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
    }
}
