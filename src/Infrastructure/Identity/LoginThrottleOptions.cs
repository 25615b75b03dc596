using System.ComponentModel.DataAnnotations;

namespace LectureHub.Infrastructure.Identity;

public sealed class LoginThrottleOptions
{
    public const string Section = "LoginThrottle";

    /// <summary>Failed sign-ins allowed per account from one source within the window; then that source waits out the window.</summary>
    [Range(1, 1000)]
    public int MaxFailures { get; set; } = 5;

    [Range(1, 1440)]
    public int WindowMinutes { get; set; } = 15;

    /// <summary>Failures on one account from all sources within the window past which unknown sources are slowed.</summary>
    [Range(1, 1_000_000)]
    public int AccountCeiling { get; set; } = 50;

    /// <summary>How long an attempt from an unknown source waits once the account is past its ceiling.</summary>
    [Range(0, 60_000)]
    public int AccountDelayMilliseconds { get; set; } = 2_000;
}
