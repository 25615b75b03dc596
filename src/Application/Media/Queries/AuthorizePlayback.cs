using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Application.Learning;
using LectureHub.Domain.Users;
using Mediator;

namespace LectureHub.Application.Media.Queries;

/// <summary>
/// Playback credentials for a lecture's current video, for an enrolled student (an Active enrolment), the course's
/// instructor, an Admin, or anyone when the lecture is a free preview of a published course. They expire after the
/// video's length plus 30 minutes (capped), so a leaked link stops working soon after. An enrolled student also gets
/// a watch session for progress heartbeats (a signed token: starting one costs no I/O).
/// <para>
/// This runs every time anyone presses play, so its answers come from this process's memory when they can: a
/// lecture's playable video for <see cref="LectureTtl"/>, and a student's enrolment, when it is "yes", for
/// <see cref="EnrolmentTtl"/>. Neither is a hole worth closing with a round trip: a replaced video plays the old one
/// a few seconds longer, and a refunded student could fetch new credentials for at most a minute, while the ones
/// they already hold last hours anyway. "Not ready" and "not enrolled" are never cached, so a video that just became
/// ready, or a student who just enrolled, plays at once.
/// </para>
/// </summary>
public sealed record AuthorizePlaybackQuery(Guid LectureId, string RequestBaseUrl) : IQuery<PlaybackDto>;

/// <summary>
/// WatchSessionId is null for anyone who is not an enrolled student (their viewing records no progress). Where to
/// resume is in GET /me/courses/{id}/progress.
/// </summary>
public sealed record PlaybackDto(Guid LectureId, Guid VideoId, double DurationSeconds, PlaybackGrant Credentials, string? WatchSessionId);

internal sealed class AuthorizePlaybackHandler(IReadDb db, ILocalCache cache, IPlaybackSigner signer, IWatchSessions sessions, ICurrentUser currentUser, TimeProvider clock)
    : IQueryHandler<AuthorizePlaybackQuery, PlaybackDto>
{
    /// <summary>Past the video's end: pauses, rewinds, a slow connection.</summary>
    internal static readonly TimeSpan Margin = TimeSpan.FromMinutes(30);

    internal static readonly TimeSpan LectureTtl = TimeSpan.FromSeconds(10);

    internal static readonly TimeSpan EnrolmentTtl = TimeSpan.FromMinutes(1);

    private const string LectureSql = """
        SELECT s.course_id AS "CourseId", c.instructor_id AS "InstructorId", c.status = 'Published' AS "Published", l.is_free_preview AS "IsFreePreview",
               v.video_id AS "VideoId", v.master_playlist_path AS "MasterPlaylistPath", v.duration_seconds AS "DurationSeconds"
        FROM lectures l
        JOIN sections s ON s.id = l.section_id
        JOIN courses c ON c.id = s.course_id
        LEFT JOIN lecture_current_videos v ON v.lecture_id = l.id
        WHERE l.id = @LectureId
        """;

    private const string EnrolledSql = """
        SELECT EXISTS (SELECT 1 FROM enrollments WHERE course_id = @CourseId AND student_id = @StudentId AND status = 'Active')
        """;

    public async ValueTask<PlaybackDto> Handle(AuthorizePlaybackQuery query, CancellationToken cancellationToken)
    {
        var lecture = await cache.GetOrCreateAsync(("playback-lecture", query.LectureId), LectureTtl, ReadLectureAsync, row => row?.VideoId is not null, cancellationToken)
                      ?? throw VideoAccess.LectureNotFound(query.LectureId);
        var user = currentUser.UserId;
        var enrolled = user is { } student && lecture.Published && await EnrolledAsync(student, lecture.CourseId, cancellationToken);
        currentUser.EnsureCanWatch(lecture.InstructorId, lecture.Published, lecture.IsFreePreview, enrolled);

        if (lecture is not { VideoId: { } videoId, MasterPlaylistPath: { } master })
        {
            throw new ConflictException("VIDEO_NOT_READY", "This lecture has no playable video yet.");
        }

        var duration = lecture.DurationSeconds ?? 0;
        var session = enrolled ? sessions.Start(user!.Value, query.LectureId, (long)Math.Round(duration * 1000), clock.GetUtcNow()) : null;
        return new PlaybackDto(query.LectureId, videoId, duration, signer.Sign(master, TimeSpan.FromSeconds(duration) + Margin, query.RequestBaseUrl), session);

        // A replica that has not replayed the transcoder's commit yet would say "not ready" to the student who just
        // got the video-ready email: a miss is confirmed on the primary. Misses are rare and never cached.
        async Task<LectureRow?> ReadLectureAsync(CancellationToken ct) =>
            await db.QuerySingleOrDefaultAsync<LectureRow>(LectureSql, new { query.LectureId }, ct) is { VideoId: not null } row
                ? row
                : await db.Primary.QuerySingleOrDefaultAsync<LectureRow>(LectureSql, new { query.LectureId }, ct);
    }

    private Task<bool> EnrolledAsync(Guid student, Guid course, CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync(("playback-enrolled", student, course), EnrolmentTtl,
            ct => db.QuerySingleOrDefaultAsync<bool>(EnrolledSql, new { CourseId = course, StudentId = student }, ct), enrolled => enrolled, cancellationToken);

    private sealed record LectureRow(
        Guid CourseId, Guid InstructorId, bool Published, bool IsFreePreview, Guid? VideoId, string? MasterPlaylistPath, double? DurationSeconds);
}
