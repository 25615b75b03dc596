using System.ComponentModel.DataAnnotations;

namespace LectureHub.Infrastructure.Community;

/// <summary>View counting, the hot score and write limits (section <c>Community</c>).</summary>
public sealed class CommunityOptions
{
    public const string Section = "Community";

    /// <summary>Run the view flush loop in this process. Tests turn it off and flush themselves.</summary>
    public bool ViewFlushEnabled { get; set; } = true;

    /// <summary>How often buffered views go to PostgreSQL: one batch for every post viewed since, in one statement.</summary>
    [Range(100, 600_000)]
    public int ViewFlushIntervalMs { get; set; } = 5000;

    /// <summary>A batch whose flusher died is taken over after this long.</summary>
    [Range(5, 3600)]
    public int ViewLeaseSeconds { get; set; } = 60;

    /// <summary>A viewer counts once per post within this window.</summary>
    [Range(1, 24 * 30)]
    public int ViewWindowHours { get; set; } = 24;

    /// <summary>Run the hot-score refresh in this process (any number of instances may; one runs at a time).</summary>
    public bool HotRefreshEnabled { get; set; } = true;

    [Range(5, 3600)]
    public int HotRefreshSeconds { get; set; } = 60;

    /// <summary>The "hot" sort counts reactions and comments of this many days.</summary>
    [Range(1, 90)]
    public int HotWindowDays { get; set; } = 7;
}
