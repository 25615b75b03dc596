using LectureHub.Application.Abstractions;
using LectureHub.Application.Community.Queries;

namespace LectureHub.Application.Community;

/// <summary>
/// What of the community is cached, for how long, and under which keys; one place for readers and purgers. Writers
/// read past the cache (read-your-writes), so an author sees their own post or comment at once.
/// </summary>
internal static class CommunityCache
{
    /// <summary>
    /// First pages of board lists (no search text): aged out, never purged. A new post reaches other readers' lists
    /// within this; counters on the cards lag by as much.
    /// </summary>
    public static readonly TimeSpan BoardPageTtl = TimeSpan.FromSeconds(5);

    /// <summary>A post as stored, purged on every change through the outbox; its counters (views, reactions) lag by up to this.</summary>
    public static readonly TimeSpan PostTtl = TimeSpan.FromSeconds(30);

    /// <summary>A thread's first page as stored, purged on every new, edited, deleted or hidden comment.</summary>
    public static readonly TimeSpan ThreadTtl = TimeSpan.FromSeconds(30);

    public static string BoardPage(Guid? boardId, PostSort sort, int limit) =>
        $"posts:{(boardId is { } id ? id.ToString("N") : "all")}:{sort}:{limit}:v1";

    public static string Post(Guid postId) => $"post:{postId:N}:v1";

    public static string ThreadFirstPage(Guid postId) => $"post:{postId:N}:thread:v1";

    public static async Task PurgePostAsync(ICache cache, Guid postId, CancellationToken ct)
    {
        await cache.RemoveAsync(Post(postId), ct);
        await cache.RemoveAsync(ThreadFirstPage(postId), ct);
    }
}
