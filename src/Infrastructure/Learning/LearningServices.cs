using LectureHub.Application.Learning;
using Microsoft.Extensions.DependencyInjection;

namespace LectureHub.Infrastructure.Learning;

internal static class LearningServices
{
    /// <summary>Watch sessions and heartbeats in Redis, flushed into lecture_progress and certificates.</summary>
    public static void AddLearning(this Registration r)
    {
        r.Options<WatchProgressOptions>(WatchProgressOptions.Section).PostConfigure(watch =>
        {
            if (string.IsNullOrEmpty(watch.SessionKey) && r.IsDevelopment)
            {
                watch.SessionKey = r.DevelopmentKey("keys/watch-session.key", 32);
            }
        });
        r.Services.AddSingleton<IWatchSessions, RedisWatchSessions>();
        r.Services.AddScoped<IWatchProgressStore, WatchProgressStore>();
        r.Services.AddScoped<ICourseProgress, CourseProgress>();
        r.Services.AddSingleton<WatchBuffer>();
        r.Services.AddSingleton<WatchProgressFlusher>();
        r.Worker<WatchProgressFlusher>("WatchProgress:FlushEnabled");
    }
}
