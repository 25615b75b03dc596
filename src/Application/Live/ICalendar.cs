using System.Globalization;
using System.Text;
using LectureHub.Domain.Live;

namespace LectureHub.Application.Live;

/// <summary>
/// Live sessions as an iCalendar document (RFC 5545): one VEVENT each, times in UTC, text escaped, lines folded at 75
/// octets (never inside a character) and ended with CRLF. Calendar apps subscribe to it or import it.
/// </summary>
public static class ICalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public sealed record Event(Guid Id, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, LiveSessionStatus Status);

    public static string Write(string name, IEnumerable<Event> events, DateTimeOffset now)
    {
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//LectureHub//Live sessions//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            $"X-WR-CALNAME:{Text(name)}",
        };
        foreach (var e in events)
        {
            lines.AddRange(
            [
                "BEGIN:VEVENT", $"UID:live-session-{e.Id:N}@lecturehub", $"DTSTAMP:{Utc(now)}", $"DTSTART:{Utc(e.StartsAt)}", $"DTEND:{Utc(e.EndsAt)}",
                $"SUMMARY:{Text(e.Title)}", "STATUS:CONFIRMED", $"X-LECTUREHUB-STATUS:{e.Status.ToString().ToUpperInvariant()}", "END:VEVENT",
            ]);
        }

        lines.Add("END:VCALENDAR");
        var document = new StringBuilder();
        foreach (var line in lines)
        {
            Fold(line, document);
        }

        return document.ToString();
    }

    private static string Utc(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Text(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal)
            .Replace("\r\n", "\\n", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\n", StringComparison.Ordinal);

    /// <summary>Writes the line in pieces of at most 75 octets of UTF-8, each continuation starting with a space.</summary>
    private static void Fold(string line, StringBuilder document)
    {
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > 75)
            {
                document.Append("\r\n ");
                octets = 1;
            }

            document.Append(rune.ToString());
            octets += size;
        }

        document.Append("\r\n");
    }
}
