using System.Net;
using LectureHub.IntegrationTests.Support;

namespace LectureHub.IntegrationTests.Community;

public sealed class BoardTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task There_is_a_general_board_first_and_one_board_per_trade()
    {
        var boards = await Factory.BoardsAsync(Client);

        Assert.Equal(11, boards.Count);
        Assert.Equal(("general", null), (boards[0].Slug, boards[0].CategoryId));
        Assert.All(boards.Skip(1), b => Assert.NotNull(b.CategoryId));
        Assert.Contains(boards, b => b is { Slug: "welding", NameKo: "용접" });
    }

    [Fact]
    public async Task Only_admins_add_rename_and_order_boards()
    {
        var boards = await Factory.BoardsAsync(Client);
        var admin = await Client.SignUpAsync("admin@example.com", "Admin");
        var student = await Client.SignUpAsync("lee@example.com");
        var board = new { slug = "jobs", nameKo = "구인구직", nameEn = "Jobs", description = "현장 일자리", sortOrder = 500 };

        await (await Client.SendAsync(HttpMethod.Post, "/api/v1/boards", student, board)).ProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        var created = await (await Client.SendAsync(HttpMethod.Post, "/api/v1/boards", admin, board)).ReadAsync<Board>(HttpStatusCode.Created);
        await (await Client.SendAsync(HttpMethod.Post, "/api/v1/boards", admin, board)).ProblemAsync(HttpStatusCode.Conflict, "BOARD_SLUG_TAKEN");
        var welding = boards.Single(b => b.Slug == "welding");
        await (await Client.SendAsync(HttpMethod.Post, "/api/v1/boards", admin, new { slug = "welding-2", nameKo = "용접2", nameEn = "W2", sortOrder = 1, categoryId = welding.CategoryId }))
            .ProblemAsync(HttpStatusCode.Conflict, "CATEGORY_HAS_BOARD");

        var renamed = await (await Client.SendAsync(HttpMethod.Put, $"/api/v1/boards/{created.Id}", admin, new { nameKo = "일자리", nameEn = "Work", sortOrder = 1 }))
            .ReadAsync<Board>();
        await Api.OutboxDrainedAsync();
        var after = await (await Client.SendAsync(HttpMethod.Get, "/api/v1/boards")).ReadAsync<List<Board>>();

        Assert.Equal(("jobs", "일자리", 1), (renamed.Slug, renamed.NameKo, renamed.SortOrder));
        Assert.Equal(["general", "jobs"], after.Take(2).Select(b => b.Slug));
        await (await Client.SendAsync(HttpMethod.Put, $"/api/v1/boards/{created.Id}", student, new { nameKo = "x", nameEn = "x", sortOrder = 1 }))
            .ProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
    }
}
