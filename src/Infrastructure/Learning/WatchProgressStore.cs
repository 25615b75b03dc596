using LectureHub.Application.Learning;
using LectureHub.Domain.Learning;
using LectureHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace LectureHub.Infrastructure.Learning;

/// <summary>
/// Watched intervals as an <c>int4multirange</c> of milliseconds per (student, lecture): merging is PostgreSQL's
/// multirange union, so overlapping and repeated intervals count once and a batch applied twice changes nothing.
/// Three statements on the unit of work's connection and transaction: merge (noting the day each student learned
/// on), mark completed lectures, find completed courses. Lecture lengths come from the <c>lecture_durations</c> view (the playing video's length, else the one the
/// instructor gave).
/// </summary>
internal sealed class WatchProgressStore(AppDbContext db) : IWatchProgressStore
{
    private const string MergeSql = """
        WITH batch AS (
            SELECT h.student_id, h.lecture_id, range_agg(int4range(h.from_ms, h.to_ms)) AS watched,
                   (array_agg(h.position_ms ORDER BY h.at DESC))[1] AS position_ms, max(h.at) AS position_at
            FROM unnest(@students, @lectures, @froms, @tos, @positions, @ats) AS h(student_id, lecture_id, from_ms, to_ms, position_ms, at)
            GROUP BY h.student_id, h.lecture_id
        ), learners AS (
            -- Who learned on which day (Korea time), for the admin dashboard; in key order, so concurrent flushes cannot deadlock.
            INSERT INTO learner_days (day, student_id)
            SELECT DISTINCT (h.at AT TIME ZONE 'Asia/Seoul')::date, h.student_id
            FROM unnest(@students, @ats) AS h(student_id, at)
            WHERE EXISTS (SELECT 1 FROM users u WHERE u.id = h.student_id)
            ORDER BY 1, 2
            ON CONFLICT DO NOTHING
        )
        INSERT INTO lecture_progress AS p (student_id, lecture_id, watched, covered_ms, position_ms, position_at, updated_at)
        SELECT b.student_id, b.lecture_id, b.watched, watched_ms(b.watched), b.position_ms, b.position_at, now()
        FROM batch b
        -- A lecture removed (or a user deleted) since the heartbeat has nothing left to record progress against.
        WHERE EXISTS (SELECT 1 FROM lectures l WHERE l.id = b.lecture_id) AND EXISTS (SELECT 1 FROM users u WHERE u.id = b.student_id)
        ON CONFLICT (student_id, lecture_id) DO UPDATE SET
            watched = p.watched + EXCLUDED.watched,
            covered_ms = watched_ms(p.watched + EXCLUDED.watched),
            position_ms = CASE WHEN EXCLUDED.position_at >= p.position_at THEN EXCLUDED.position_ms ELSE p.position_ms END,
            position_at = GREATEST(p.position_at, EXCLUDED.position_at),
            updated_at = EXCLUDED.updated_at
        """;

    private const string CompleteLecturesSql = """
        UPDATE lecture_progress p SET completed_at = p.position_at
        FROM lecture_durations d, unnest(@students, @lectures) AS k(student_id, lecture_id)
        WHERE p.student_id = k.student_id AND p.lecture_id = k.lecture_id AND d.lecture_id = p.lecture_id
          AND p.completed_at IS NULL AND d.duration_ms > 0 AND p.covered_ms >= @ratio * d.duration_ms
        """;

    /// <summary>A course is complete when every lecture with a length is; a course with none cannot be.</summary>
    private const string CompletedCoursesSql = """
        SELECT t.student_id, t.course_id, u.display_name, c.title, i.display_name, done.completed_at
        FROM (SELECT DISTINCT k.student_id, d.course_id
              FROM unnest(@students, @lectures) AS k(student_id, lecture_id)
              JOIN lecture_durations d ON d.lecture_id = k.lecture_id) t
        JOIN enrollments e ON e.student_id = t.student_id AND e.course_id = t.course_id AND e.status = 'Active'
        JOIN courses c ON c.id = t.course_id
        JOIN users u ON u.id = t.student_id
        JOIN users i ON i.id = c.instructor_id
        CROSS JOIN LATERAL (
            SELECT bool_and(p.completed_at IS NOT NULL) AS all_done, max(p.completed_at) AS completed_at
            FROM lecture_durations d
            LEFT JOIN lecture_progress p ON p.lecture_id = d.lecture_id AND p.student_id = t.student_id
            WHERE d.course_id = t.course_id AND d.duration_ms > 0) done
        WHERE done.all_done
          AND NOT EXISTS (SELECT 1 FROM certificates x WHERE x.student_id = t.student_id AND x.course_id = t.course_id)
        """;

    public async Task<IReadOnlyList<CourseCompletion>> MergeAsync(IReadOnlyList<WatchRecord> records, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var transaction = (NpgsqlTransaction)(db.Database.CurrentTransaction?.GetDbTransaction()
                                              ?? throw new InvalidOperationException("Watch progress is merged inside the unit of work's transaction."));

        await using (var merge = new NpgsqlCommand(MergeSql, connection, transaction))
        {
            merge.Parameters.Add(Array("students", NpgsqlDbType.Uuid, records.Select(r => r.StudentId)));
            merge.Parameters.Add(Array("lectures", NpgsqlDbType.Uuid, records.Select(r => r.LectureId)));
            merge.Parameters.Add(Array("froms", NpgsqlDbType.Integer, records.Select(r => r.FromMs)));
            merge.Parameters.Add(Array("tos", NpgsqlDbType.Integer, records.Select(r => r.ToMs)));
            merge.Parameters.Add(Array("positions", NpgsqlDbType.Integer, records.Select(r => r.PositionMs)));
            merge.Parameters.Add(Array("ats", NpgsqlDbType.TimestampTz, records.Select(r => r.At.UtcDateTime)));
            await merge.ExecuteNonQueryAsync(cancellationToken);
        }

        var keys = records.Select(r => (r.StudentId, r.LectureId)).Distinct().ToList();
        await using (var complete = new NpgsqlCommand(CompleteLecturesSql, connection, transaction))
        {
            AddKeys(complete, keys);
            complete.Parameters.Add(new NpgsqlParameter<double>("ratio", WatchRules.CompletionRatio));
            await complete.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var courses = new NpgsqlCommand(CompletedCoursesSql, connection, transaction);
        AddKeys(courses, keys);
        var completions = new List<CourseCompletion>();
        await using var reader = await courses.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            completions.Add(new CourseCompletion(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                new DateTimeOffset(reader.GetDateTime(5), TimeSpan.Zero)));
        }

        return completions;
    }

    private static void AddKeys(NpgsqlCommand command, List<(Guid StudentId, Guid LectureId)> keys)
    {
        command.Parameters.Add(Array("students", NpgsqlDbType.Uuid, keys.Select(k => k.StudentId)));
        command.Parameters.Add(Array("lectures", NpgsqlDbType.Uuid, keys.Select(k => k.LectureId)));
    }

    private static NpgsqlParameter Array<T>(string name, NpgsqlDbType type, IEnumerable<T> values) =>
        new(name, NpgsqlDbType.Array | type) { Value = values.ToArray() };
}
