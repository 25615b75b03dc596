using System.ComponentModel.DataAnnotations;

namespace LectureHub.Infrastructure.Terms;

public sealed class TermsOptions
{
    public const string Section = "Terms";

    /// <summary>How often each instance reloads the terms in force: the longest a new version takes to be enforced everywhere.</summary>
    [Range(1, 3600)]
    public int RefreshSeconds { get; set; } = 60;
}
