using LectureHub.Application.Community;
using Microsoft.Extensions.DependencyInjection;

namespace LectureHub.Infrastructure.Community;

internal static class CommunityServices
{
    /// <summary>Boards, posts, comments and reports: counters in PostgreSQL, views buffered in Redis, Markdown made safe.</summary>
    public static void AddCommunity(this Registration r)
    {
        r.Options<CommunityOptions>(CommunityOptions.Section);
        r.Services.AddScoped<ICommunityStats, CommunityStats>();
        r.Services.AddSingleton<IMarkdownRenderer, MarkdownRenderer>();
        r.Services.AddSingleton<PostViewBuffer>();
        r.Services.AddSingleton<IPostViewCounter>(sp => sp.GetRequiredService<PostViewBuffer>());
        r.Services.AddSingleton<PostViewFlusher>();
        r.Worker<PostViewFlusher>("Community:ViewFlushEnabled");
        r.Services.AddSingleton<HotScoreRefresher>();
        r.Worker<HotScoreRefresher>("Community:HotRefreshEnabled");
    }
}
