using CsvHelper;
using LectureHub.Domain.Common;

namespace LectureHub.WebApi.Infrastructure;

/// <summary>One column of a CSV download: its header and how a row writes its field.</summary>
internal sealed record CsvColumn<T>(string Name, Action<CsvWriter, T> Write)
{
    public static CsvColumn<T> Text(string name, Func<T, string?> value) => new(name, (csv, row) => csv.WriteField(value(row)));

    public static CsvColumn<T> Id(string name, Func<T, Guid?> value) => new(name, (csv, row) => csv.WriteField(value(row), default));

    public static CsvColumn<T> Number(string name, Func<T, long?> value) => new(name, (csv, row) => csv.WriteField(value(row), default));

    /// <summary>A time in Korea time, "2026-11-03 12:00:00 +09:00"; empty when there is none.</summary>
    public static CsvColumn<T> Time(string name, Func<T, DateTimeOffset?> value) => new(name, (csv, row) =>
    {
        if (value(row) is { } time)
        {
            csv.WriteField(time.ToOffset(KoreaTime.Offset), "yyyy-MM-dd HH:mm:ss zzz");
        }
        else
        {
            csv.WriteField((string?)null);
        }
    });
}

/// <summary>
/// A list as a CSV download (RFC 4180), streamed as its rows arrive: UTF-8 with a byte-order mark, so spreadsheet
/// programs read Korean; a text cell that begins like a formula (<c>= + - @</c>) escaped, so opening the file runs nothing.
/// </summary>
internal static class CsvDownload
{
    private static readonly CsvWriterOptions Options = new() { Injection = CsvInjection.Escape, WriteByteOrderMark = true };

    public static IResult Of<T>(string fileName, IReadOnlyList<CsvColumn<T>> columns, IAsyncEnumerable<T> rows) =>
        Results.Stream(async body =>
        {
            await using var csv = CsvWriter.Create(body, Options, leaveOpen: true);
            csv.WriteHeader(columns.Select(c => c.Name).ToArray());
            await foreach (var row in rows)
            {
                foreach (var column in columns)
                {
                    column.Write(csv, row);
                }

                await csv.EndRecordAsync();
            }
        }, "text/csv; charset=utf-8", fileName);

    /// <summary>Every page of a keyset-paged list, one after another.</summary>
    public static async IAsyncEnumerable<T> AllPages<T>(Func<string?, Task<(IReadOnlyList<T> Items, string? NextCursor)>> page)
    {
        string? cursor = null;
        do
        {
            var (items, next) = await page(cursor);
            foreach (var item in items)
            {
                yield return item;
            }

            cursor = next;
        }
        while (cursor is not null);
    }
}
