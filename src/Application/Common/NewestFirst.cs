using FluentValidation;
using LectureHub.Application.Abstractions;

namespace LectureHub.Application.Common;

/// <summary>A newest-first list's position: the last item's time and id (the id breaks ties).</summary>
internal sealed record TimeKey(DateTimeOffset Time, Guid Id);

/// <summary>
/// Newest-first keyset pages over a (time, id) pair of columns, for the console lists: the SQL's WHERE is extended
/// with the position, ordered by both columns descending, and one row more than the page is read to know if another follows.
/// </summary>
internal static class NewestFirst
{
    public static IRuleBuilderOptions<T, string?> ValidNewestFirstCursor<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(c => c is null || OpaqueCursor.TryDecode<TimeKey>(c, out _)).WithMessage("The cursor is invalid; start again without it.");

    /// <param name="sql">A SELECT ending in its WHERE clause.</param>
    /// <param name="timeColumn">The time column, as the SQL names it (<c>c.created_at</c>); <paramref name="idColumn"/> likewise.</param>
    public static async Task<(List<TRow> Items, string? NextCursor)> PageAsync<TRow>(
        IReadDb db, string sql, string timeColumn, string idColumn, Dictionary<string, object?> parameters, string? cursor, int limit,
        Func<TRow, TimeKey> keyOf, CancellationToken ct)
    {
        var key = cursor is not null && OpaqueCursor.TryDecode<TimeKey>(cursor, out var decoded) ? decoded : null;
        if (key is not null)
        {
            sql += $" AND ({timeColumn}, {idColumn}) < (@KeyTime, @KeyId)";
            parameters["KeyTime"] = key.Time;
            parameters["KeyId"] = key.Id;
        }

        parameters["Take"] = limit + 1;
        var rows = await db.QueryAsync<TRow>($"{sql} ORDER BY {timeColumn} DESC, {idColumn} DESC LIMIT @Take", parameters, ct);
        var next = rows.Count > limit ? OpaqueCursor.Encode(keyOf(rows[limit - 1])) : null;
        return (rows.Take(limit).ToList(), next);
    }
}
