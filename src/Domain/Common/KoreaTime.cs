using System.Globalization;

namespace LectureHub.Domain.Common;

/// <summary>Korea Standard Time (UTC+9, no daylight saving): statements close, and receipts and emails show times, in it.</summary>
public static class KoreaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(9);

    /// <summary>The instant a day begins in Korea, in UTC as stored.</summary>
    public static DateTimeOffset StartOf(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Offset).ToUniversalTime();

    /// <summary>The day it is in Korea at <paramref name="now"/>.</summary>
    public static DateOnly DayOf(DateTimeOffset now) => DateOnly.FromDateTime(now.ToOffset(Offset).DateTime);

    /// <summary>"2027-02-03 09:00 KST", the same in every language.</summary>
    public static string Stamp(DateTimeOffset time) => time.ToOffset(Offset).ToString("yyyy-MM-dd HH:mm 'KST'", CultureInfo.InvariantCulture);

    /// <summary>An amount of won with thousands separators ("120,000"), the same in every language.</summary>
    public static string Won(long krw) => krw.ToString("N0", CultureInfo.InvariantCulture);
}
