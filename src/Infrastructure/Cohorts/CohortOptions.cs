using System.ComponentModel.DataAnnotations;

namespace LectureHub.Infrastructure.Cohorts;

/// <summary>Paid cohorts (section <c>Cohorts</c>).</summary>
public sealed class CohortOptions
{
    public const string Section = "Cohorts";

    /// <summary>How long an applicant given a seat in a paid cohort has to pay (cut short by the class's start).</summary>
    [Range(1, 24 * 14)]
    public int PaymentWindowHours { get; set; } = 48;

    /// <summary>Run the expiry of unpaid seats in this process. Tests turn it off and expire themselves.</summary>
    public bool ExpiryEnabled { get; set; } = true;

    [Range(5, 3600)]
    public int ExpiryEverySeconds { get; set; } = 60;
}
