using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Domain.Live;
using LectureHub.Domain.Users;

namespace LectureHub.Application.Live;

internal static class LiveSessionAccess
{
    /// <summary>
    /// A session's students (<c>student_id</c>): its course's active enrolments, or its cohort's approved applicants,
    /// paid where the cohort has a fee. Parameters <c>@CourseId</c> and <c>@CohortId</c> (one of them null).
    /// </summary>
    public const string StudentsSql = """
        SELECT student_id FROM enrollments WHERE course_id = @CourseId AND status = 'Active'
        UNION ALL
        SELECT student_id FROM cohort_applications WHERE cohort_id = @CohortId AND status = 'Approved' AND (payment_due_at IS NULL OR paid_at IS NOT NULL)
        """;

    private const string MemberSql = $"SELECT EXISTS (SELECT 1 FROM ({StudentsSql}) m WHERE m.student_id = @UserId)";

    /// <summary>
    /// The sessions <c>@UserId</c> takes part in from <c>@Since</c> on: hosting, assisting, or as one of the students
    /// <see cref="StudentsSql"/> names, seen from the student's side (their enrolments and approved applications).
    /// </summary>
    public const string SessionsOfSql = """
        SELECT * FROM live_sessions s
        WHERE s.starts_at >= @Since
          AND (s.host_id = @UserId OR @UserId = ANY (s.assistant_ids)
               OR s.course_id IN (SELECT course_id FROM enrollments WHERE student_id = @UserId AND status = 'Active')
               OR s.cohort_id IN (SELECT cohort_id FROM cohort_applications WHERE student_id = @UserId AND status = 'Approved'
                                  AND (payment_due_at IS NULL OR paid_at IS NOT NULL)))
        """;

    /// <summary>A session row as <see cref="LiveSessionRow"/> reads it, from <c>live_sessions s</c>.</summary>
    public const string Columns = """
        s.id AS "Id", s.title AS "Title", s.course_id AS "CourseId", s.cohort_id AS "CohortId", s.host_id AS "HostId", s.assistant_ids AS "AssistantIds",
        s.starts_at AS "StartsAt", s.ends_at AS "EndsAt", s.status AS "Status", s.started_at AS "StartedAt", s.ended_at AS "EndedAt"
        """;

    /// <summary>The session (read side), 404 <c>LIVE_SESSION_NOT_FOUND</c> if there is none.</summary>
    public static async Task<LiveSessionRow> LoadRowAsync(this IReadDb db, Guid id, CancellationToken ct) =>
        await db.QuerySingleOrDefaultAsync<LiveSessionRow>($"SELECT {Columns} FROM live_sessions s WHERE s.id = @Id", new { Id = id }, ct) ?? throw NotFound(id);

    public static NotFoundException NotFound(Guid id) => new("LIVE_SESSION_NOT_FOUND", $"Live session {id} does not exist.");

    public static async Task<LiveSession> LoadAsync(this IRepository<LiveSession> sessions, Guid id, CancellationToken ct) =>
        await sessions.GetByIdAsync(id, ct) ?? throw NotFound(id);

    /// <summary>The host, or an Admin, may change, start and end a session; anyone else gets 403.</summary>
    public static LiveSession EnsureCanRun(this ICurrentUser user, LiveSession session) =>
        user.Role == Role.Admin || session.HostId == user.RequiredUserId
            ? session
            : throw new ForbiddenException("NOT_LIVE_SESSION_HOST", "Only the session's host or an Admin can do this.");

    /// <summary>
    /// The caller's role in the session: host, assistant (an Admin moderates as one), or student when enrolled in its
    /// course or a member of its cohort; 403 <c>LIVE_SESSION_NOT_INVITED</c> for anyone else.
    /// </summary>
    public static async Task<LiveRole> RoleOfAsync(this IReadDb db, ICurrentUser user, LiveSessionParties session, CancellationToken ct)
    {
        var userId = user.RequiredUserId;
        if (userId == session.HostId)
        {
            return LiveRole.Host;
        }

        if (session.AssistantIds.Contains(userId) || user.Role == Role.Admin)
        {
            return LiveRole.Assistant;
        }

        return await db.QuerySingleOrDefaultAsync<bool>(MemberSql, new { session.CourseId, session.CohortId, UserId = userId }, ct)
            ? LiveRole.Student
            : throw new ForbiddenException("LIVE_SESSION_NOT_INVITED", "Only the course's enrolled students or the cohort's approved members can join this session.");
    }

    public static LiveSessionParties Parties(this LiveSession s) => new(s.HostId, s.AssistantIds, s.CourseId, s.CohortId);
}
