using System.ComponentModel.DataAnnotations;

namespace LectureHub.Infrastructure.Live;

/// <summary>Live sessions (section <c>Live</c>).</summary>
public sealed class LiveOptions
{
    public const string Section = "Live";

    /// <summary>Run the reminder loop in this process. Tests turn it off and remind themselves.</summary>
    public bool RemindersEnabled { get; set; } = true;

    [Range(5, 3600)]
    public int RemindEverySeconds { get; set; } = 60;

    /// <summary>How long before a session's start its participants are emailed.</summary>
    [Range(5, 24 * 60)]
    public int ReminderMinutes { get; set; } = 60;
}
