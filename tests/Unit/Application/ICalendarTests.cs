using System.Text;
using LectureHub.Application.Live;
using LectureHub.Domain.Live;

namespace LectureHub.UnitTests.Application;

public sealed class ICalendarTests
{
    private static readonly DateTimeOffset Now = new(2027, 1, 5, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public void Text_is_escaped_times_are_utc_and_long_lines_fold_at_75_octets_without_splitting_a_character()
    {
        var title = "배관; 용접, 실습\\ 2부\n" + new string('가', 40);
        var ics = ICalendar.Write("강의", [new ICalendar.Event(Guid.Empty, title, new DateTimeOffset(2027, 1, 6, 19, 0, 0, TimeSpan.FromHours(9)), Now.AddDays(2), LiveSessionStatus.Scheduled)], Now);

        Assert.EndsWith("END:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTART:20270106T100000Z\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTAMP:20270105T030405Z\r\n", ics, StringComparison.Ordinal);
        var lines = ics.Split("\r\n");
        Assert.All(lines, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, l));
        var folded = lines.SkipWhile(l => !l.StartsWith("SUMMARY:", StringComparison.Ordinal)).ToList();
        var summary = folded[0] + string.Concat(folded.Skip(1).TakeWhile(l => l.StartsWith(' ')).Select(l => l[1..]));
        Assert.True(folded.Count > 2 && folded[1].StartsWith(' '), "a long summary is folded");
        Assert.Equal("SUMMARY:배관\\; 용접\\, 실습\\\\ 2부\\n" + new string('가', 40), summary);
    }
}
