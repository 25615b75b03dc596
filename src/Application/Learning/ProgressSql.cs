namespace LectureHub.Application.Learning;

/// <summary>
/// A student's verified progress in a course, as SQL over an enrolment row aliased <c>e</c>: the watched part of each
/// lecture (capped at its length) and the course's total length. One definition for every reader (refund quotes,
/// reviews); <see cref="Domain.Learning.WatchRules.Percent"/> turns the two into a percentage.
/// </summary>
public static class ProgressSql
{
    public const string CoveredMs = """
        (SELECT COALESCE(SUM(LEAST(COALESCE(p.covered_ms, 0), d.duration_ms)), 0)::bigint
         FROM lecture_durations d
         LEFT JOIN lecture_progress p ON p.lecture_id = d.lecture_id AND p.student_id = e.student_id
         WHERE d.course_id = e.course_id)
        """;

    public const string DurationMs = "(SELECT COALESCE(SUM(d.duration_ms), 0)::bigint FROM lecture_durations d WHERE d.course_id = e.course_id)";
}
