using Microsoft.Extensions.DependencyInjection;

namespace LectureHub.Infrastructure.Dashboard;

internal static class DashboardServices
{
    /// <summary>The admin dashboard's roll-up of ended days.</summary>
    public static void AddDashboard(this Registration r)
    {
        r.Options<DashboardOptions>(DashboardOptions.Section);
        r.Services.AddSingleton<PlatformDayRollup>();
        r.Worker<PlatformDayRollup>("Dashboard:RollupEnabled");
    }
}
