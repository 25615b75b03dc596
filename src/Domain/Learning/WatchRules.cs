namespace LectureHub.Domain.Learning;

/// <summary>
/// What counts as watching. A player reports what it played as heartbeats; the server believes a heartbeat's interval
/// only as far as the wall clock allows, merges intervals per (student, lecture), and derives everything from them:
/// <list type="bullet">
/// <item>lecture % = covered seconds ÷ the lecture's duration (the union of watched intervals, so rewatching adds nothing);</item>
/// <item>course % = Σ covered ÷ Σ duration over the course's lectures;</item>
/// <item>a lecture is complete at ≥ 90 % coverage; a course is complete when every lecture that has a length is.</item>
/// </list>
/// </summary>
public static class WatchRules
{
    /// <summary>Players skip credits and lose a second here and there; 90 % covered is a watched lecture.</summary>
    public const double CompletionRatio = 0.9;

    /// <summary>Wall-clock time × rate × this is the most a heartbeat may claim: 10 % for clock skew and buffering.</summary>
    public const double PlausibilityFactor = 1.1;

    public const double MinRate = 0.25;

    /// <summary>What common players offer; faster claims more seconds per wall-clock second than anyone follows.</summary>
    public const double MaxRate = 2.0;

    /// <summary>
    /// Allowance a session may carry from one heartbeat to the next. A heartbeat that arrived late leaves unused
    /// wall-clock time behind; without a carry, the next one (on time) would look too fast. The cap keeps a paused
    /// session from banking time it could later claim in one go.
    /// </summary>
    public static readonly TimeSpan MaxCarriedAllowance = TimeSpan.FromSeconds(30);

    /// <summary>A share in percent with one decimal, never above 100.</summary>
    public static double Percent(long coveredMs, long durationMs) =>
        durationMs <= 0 ? 0 : Math.Round(Math.Min(100.0, 100.0 * coveredMs / durationMs), 1);
}
