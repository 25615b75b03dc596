namespace LectureHub.Infrastructure.Caching;

public sealed class CacheOptions
{
    public const string Section = "Cache";

    /// <summary>Off: every read goes to the database (to measure the uncached cost, or to rule the cache out).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long an instance keeps its own copy (L1); the most another instance can lag behind a purge.</summary>
    [System.ComponentModel.DataAnnotations.Range(0, 300)]
    public double LocalSeconds { get; set; } = 5;
}
