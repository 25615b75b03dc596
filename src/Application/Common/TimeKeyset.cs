using FluentValidation;
using LectureHub.Application.Abstractions;

namespace LectureHub.Application.Common;

/// <summary>A list's position: the last item's time and id (the id breaks ties).</summary>
internal sealed record TimeKey(DateTimeOffset Time, Guid Id);

/// <summary>
/// Keyset pages over a (time, id) pair of columns, newest first (the console lists) or oldest first (queues and
/// deadlines): the SQL's WHERE is extended with the position, ordered by both columns, and one row more than the page
/// is read to know if another follows.
/// </summary>
internal static class TimeKeyset
{
    public static IRuleBuilderOptions<T, string?> ValidTimeKeyCursor<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(c => c is null || OpaqueCursor.TryDecode<TimeKey>(c, out _)).WithMessage("The cursor is invalid; start again without it.");

    /// <param name="sql">A SELECT ending in its WHERE clause.</param>
    /// <param name="timeColumn">The time column, as the SQL names it (<c>c.created_at</c>); <paramref name="idColumn"/> likewise.</param>
    public static async Task<(List<TRow> Items, string? NextCursor)> PageAsync<TRow>(
        IReadDb db, string sql, string timeColumn, string idColumn, Dictionary<string, object?> parameters, string? cursor, int limit,
        Func<TRow, TimeKey> keyOf, CancellationToken ct, bool oldestFirst = false)
    {
        var key = cursor is not null && OpaqueCursor.TryDecode<TimeKey>(cursor, out var decoded) ? decoded : null;
        if (key is not null)
        {
            sql += $" AND ({timeColumn}, {idColumn}) {(oldestFirst ? ">" : "<")} (@KeyTime, @KeyId)";
            parameters["KeyTime"] = key.Time;
            parameters["KeyId"] = key.Id;
        }

        parameters["Take"] = limit + 1;
        var direction = oldestFirst ? "" : " DESC";
        var rows = await db.QueryAsync<TRow>($"{sql} ORDER BY {timeColumn}{direction}, {idColumn}{direction} LIMIT @Take", parameters, ct);
        var next = rows.Count > limit ? OpaqueCursor.Encode(keyOf(rows[limit - 1])) : null;
        return (rows.Take(limit).ToList(), next);
    }
}
