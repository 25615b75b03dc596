namespace LectureHub.Domain.Cohorts;

/// <summary>Korea's provinces and metropolitan cities (시·도), the regions offline cohorts are filtered by.</summary>
public static class Regions
{
    public static readonly IReadOnlyList<string> All =
    [
        "seoul", "busan", "daegu", "incheon", "gwangju", "daejeon", "ulsan", "sejong", "gyeonggi",
        "gangwon", "chungbuk", "chungnam", "jeonbuk", "jeonnam", "gyeongbuk", "gyeongnam", "jeju",
    ];

    public static bool IsKnown(string? code) => code is not null && All.Contains(code, StringComparer.Ordinal);
}
