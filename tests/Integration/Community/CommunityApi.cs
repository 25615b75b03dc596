using System.Net;
using LectureHub.Infrastructure.Persistence;
using LectureHub.IntegrationTests.Support;

namespace LectureHub.IntegrationTests.Community;

public sealed record Board(Guid Id, string Slug, string NameKo, string NameEn, string Description, Guid? CategoryId, int SortOrder);

public sealed record Author(Guid Id, string DisplayName);

public sealed record PostCard(
    Guid Id, Guid BoardId, string BoardSlug, string Title, string Excerpt, Author Author, DateTimeOffset CreatedAt, bool IsPinned, bool IsLocked,
    int ViewCount, int CommentCount, int LikeCount, int DislikeCount);

public sealed record PostPage(List<PostCard> Items, string? NextCursor, List<PostCard>? Pinned);

public sealed record Post(
    Guid Id, Guid BoardId, string BoardSlug, string Title, string BodyMarkdown, string BodyHtml, Author? Author, DateTimeOffset CreatedAt,
    DateTimeOffset? EditedAt, bool IsDeleted, bool IsHidden, bool IsLocked, bool IsPinned, int ViewCount, int CommentCount, int LikeCount,
    int DislikeCount, string? MyReaction);

public sealed record Comment(
    Guid Id, Guid PostId, Guid? ParentId, Author? Author, string BodyMarkdown, string BodyHtml, DateTimeOffset CreatedAt, bool IsDeleted, bool IsHidden,
    int LikeCount, int DislikeCount, string? MyReaction);

public sealed record CommentPage(List<Comment> Items, string? NextCursor);

public sealed record ReactionState(Guid TargetId, string? MyReaction, int LikeCount, int DislikeCount);

public sealed record ReportReceipt(Guid Id, string Status, bool Created);

/// <summary>Community steps for tests.</summary>
public static class CommunityApi
{
    /// <summary>The seeded boards: the general board and one per trade category.</summary>
    public static async Task<List<Board>> BoardsAsync(this ApiFactory factory, HttpClient client)
    {
        await DatabaseSetup.SeedCategoriesAsync(factory.Services, CancellationToken.None);
        await DatabaseSetup.SeedBoardsAsync(factory.Services, CancellationToken.None);
        await Api.OutboxDrainedAsync(); // the cached board list is purged through the outbox
        return await (await client.SendAsync(HttpMethod.Get, "/api/v1/boards")).ReadAsync<List<Board>>();
    }

    public static async Task<Board> BoardAsync(this ApiFactory factory, HttpClient client, string slug = "welding") =>
        (await factory.BoardsAsync(client)).Single(b => b.Slug == slug);

    public static async Task<Post> WritePostAsync(this HttpClient client, Tokens author, Guid boardId, string title = "TIG 용접 텅스텐 각도 질문", string body = "전극 끝을 **몇 도**로 갈아야 하나요?") =>
        await (await client.SendAsync(HttpMethod.Post, "/api/v1/posts", author, new { boardId, title, body })).ReadAsync<Post>(HttpStatusCode.Created);

    public static async Task<Comment> CommentAsync(this HttpClient client, Tokens author, Guid postId, string body = "30도 정도가 무난합니다.", Guid? replyTo = null) =>
        await (await client.SendAsync(HttpMethod.Post, $"/api/v1/posts/{postId}/comments", author, new { body, replyTo })).ReadAsync<Comment>(HttpStatusCode.Created);

    public static async Task<Post> ReadPostAsync(this HttpClient client, Guid postId, Tokens? reader = null) =>
        await (await client.SendAsync(HttpMethod.Get, $"/api/v1/posts/{postId}", reader)).ReadAsync<Post>();
}
