using System.ComponentModel.DataAnnotations;

namespace LectureHub.Infrastructure.Identity;

public sealed class LoginThrottleOptions
{
    public const string Section = "LoginThrottle";

    /// <summary>Failed logins allowed per account within the window before it must wait out the rest of the window.</summary>
    [Range(1, 1000)]
    public int MaxFailures { get; set; } = 5;

    [Range(1, 1440)]
    public int WindowMinutes { get; set; } = 15;
}
