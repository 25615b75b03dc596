using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Application.Learning;
using LectureHub.Domain.Users;
using Mediator;

namespace LectureHub.Application.Media.Queries;

/// <summary>
/// Playback credentials for a lecture's current video, for an enrolled student (an Active enrolment), the course's
/// instructor, an Admin, or anyone when the lecture is a free preview of a published course. They expire after the
/// video's length plus 30 minutes (capped), so a leaked link stops working soon after.
/// An enrolled student also gets a watch session for progress heartbeats, and where they stopped last time (from the
/// replica: a heartbeat flushed a moment ago may not be there yet). The session lives in Redis and changes no
/// aggregate, so this stays a query.
/// </summary>
public sealed record AuthorizePlaybackQuery(Guid LectureId, string RequestBaseUrl) : IQuery<PlaybackDto>;

/// <summary>WatchSessionId is null for anyone who is not an enrolled student (their viewing records no progress).</summary>
public sealed record PlaybackDto(Guid LectureId, Guid VideoId, double DurationSeconds, PlaybackGrant Credentials, Guid? WatchSessionId, double? ResumeAtSeconds);

internal sealed class AuthorizePlaybackHandler(IReadDb db, IPlaybackSigner signer, IWatchSessions sessions, ICurrentUser currentUser, TimeProvider clock)
    : IQueryHandler<AuthorizePlaybackQuery, PlaybackDto>
{
    /// <summary>Past the video's end: pauses, rewinds, a slow connection.</summary>
    internal static readonly TimeSpan Margin = TimeSpan.FromMinutes(30);

    private const string Sql = """
        SELECT c.instructor_id AS "InstructorId", c.status = 'Published' AS "Published", l.is_free_preview AS "IsFreePreview",
               EXISTS (SELECT 1 FROM enrollments e WHERE e.course_id = c.id AND e.student_id = @UserId AND e.status = 'Active') AS "Enrolled",
               v.video_id AS "VideoId", v.master_playlist_path AS "MasterPlaylistPath", v.duration_seconds AS "DurationSeconds",
               (SELECT p.position_ms FROM lecture_progress p WHERE p.lecture_id = l.id AND p.student_id = @UserId) AS "ResumeAtMs"
        FROM lectures l
        JOIN sections s ON s.id = l.section_id
        JOIN courses c ON c.id = s.course_id
        LEFT JOIN lecture_current_videos v ON v.lecture_id = l.id
        WHERE l.id = @LectureId
        """;

    public async ValueTask<PlaybackDto> Handle(AuthorizePlaybackQuery query, CancellationToken cancellationToken)
    {
        var row = await db.QuerySingleOrDefaultAsync<Row>(Sql, new { query.LectureId, UserId = currentUser.UserId ?? Guid.Empty }, cancellationToken)
                  ?? throw VideoAccess.LectureNotFound(query.LectureId);
        var allowed = currentUser.Role == Role.Admin || row.InstructorId == currentUser.UserId || (row.Published && (row.IsFreePreview || row.Enrolled));
        if (!allowed)
        {
            throw currentUser.UserId is null
                ? new UnauthorizedException("SIGN_IN_REQUIRED", "Sign in to watch this lecture.")
                : new ForbiddenException("ENROLLMENT_REQUIRED", "Enrol in the course to watch this lecture.");
        }

        if (row is not { VideoId: { } videoId, MasterPlaylistPath: { } master })
        {
            throw new ConflictException("VIDEO_NOT_READY", "This lecture has no playable video yet.");
        }

        var duration = row.DurationSeconds ?? 0;
        var session = row.Enrolled && currentUser.UserId is { } student
            ? await sessions.StartAsync(student, query.LectureId, (long)Math.Round(duration * 1000), clock.GetUtcNow(), cancellationToken)
            : (Guid?)null;
        return new PlaybackDto(query.LectureId, videoId, duration, signer.Sign(master, TimeSpan.FromSeconds(duration) + Margin, query.RequestBaseUrl),
            session, session is null ? null : (row.ResumeAtMs ?? 0) / 1000.0);
    }

    private sealed record Row(
        Guid InstructorId, bool Published, bool IsFreePreview, bool Enrolled, Guid? VideoId, string? MasterPlaylistPath, double? DurationSeconds, int? ResumeAtMs);
}
