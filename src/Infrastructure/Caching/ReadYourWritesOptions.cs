using System.ComponentModel.DataAnnotations;

namespace LectureHub.Infrastructure.Caching;

public sealed class ReadYourWritesOptions
{
    public const string Section = "ReadYourWrites";

    /// <summary>How long after a write the writer reads from the primary. Must exceed the worst replica lag you accept.</summary>
    [Range(0, 3600)]
    public int WindowSeconds { get; set; } = 10;
}
