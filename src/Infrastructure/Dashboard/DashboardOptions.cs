using System.ComponentModel.DataAnnotations;

namespace LectureHub.Infrastructure.Dashboard;

/// <summary>The admin dashboard's roll-up of ended days (section <c>Dashboard</c>).</summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    /// <summary>Run the roll-up in this process (any number of instances may; one runs at a time). Tests roll up themselves.</summary>
    public bool RollupEnabled { get; set; } = true;

    [Range(10, 86_400)]
    public int RollupEverySeconds { get; set; } = 300;

    /// <summary>
    /// A day is rolled up this long after it ends in Korea, once nothing can still land in it: heartbeats buffered
    /// before midnight and transactions that began before it. Until then it is computed live, like today.
    /// </summary>
    [Range(1, 24 * 60)]
    public int RollupGraceMinutes { get; set; } = 30;
}
