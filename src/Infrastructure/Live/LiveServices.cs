using Microsoft.Extensions.DependencyInjection;

namespace LectureHub.Infrastructure.Live;

internal static class LiveServices
{
    /// <summary>Live sessions: their reminders.</summary>
    public static void AddLive(this Registration r)
    {
        r.Options<LiveOptions>(LiveOptions.Section);
        r.Services.AddSingleton<LiveSessionReminders>();
        r.Worker<LiveSessionReminders>("Live:RemindersEnabled");
    }
}
