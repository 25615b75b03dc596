using System.ComponentModel.DataAnnotations;

namespace LectureHub.Infrastructure.Caching;

/// <summary>Per-user hourly write allowances (section <c>WriteQuotas</c>).</summary>
public sealed class WriteQuotaOptions
{
    public const string Section = "WriteQuotas";

    [Range(1, 100_000)]
    public int PostsPerHour { get; set; } = 10;

    [Range(1, 100_000)]
    public int CommentsPerHour { get; set; } = 60;

    [Range(1, 100_000)]
    public int ReportsPerHour { get; set; } = 20;

    [Range(1, 100_000)]
    public int QuestionsPerHour { get; set; } = 10;
}
