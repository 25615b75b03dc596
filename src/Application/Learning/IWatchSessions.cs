namespace LectureHub.Application.Learning;

/// <summary>One heartbeat as the player sent it, in milliseconds of media time. Session is the token playback handed out.</summary>
public sealed record Heartbeat(string Session, Guid StudentId, Guid LectureId, long Seq, long FromMs, long ToMs, double Rate, long PositionMs);

public enum HeartbeatOutcome
{
    /// <summary>Buffered: it will reach the database with the next flush, and nothing buffered is dropped.</summary>
    Accepted,

    /// <summary>A sequence number already seen (a retry after a lost answer): nothing changes.</summary>
    Duplicate,

    /// <summary>The token is not one this service issued for this student and lecture, or it is too old.</summary>
    UnknownSession,

    /// <summary>The student started a newer session for this lecture (another device, a reload).</summary>
    Superseded,

    /// <summary>It claims more media time than the wall clock allows since the session's last heartbeat.</summary>
    Implausible,

    /// <summary>The buffer holds more than it may; the flush is behind (the database is down, say).</summary>
    Backlogged,
}

/// <summary>What became of a heartbeat, and for an implausible one how much media time would have been believed.</summary>
public sealed record HeartbeatResult(HeartbeatOutcome Outcome, long AllowedMs = 0);

/// <summary>
/// Watch sessions and the heartbeat buffer (Redis). Playback authorization starts a session by handing out a signed
/// token that says whose, for which lecture, since when and how long the video is; nothing is stored until its first
/// heartbeat. The newest session of a (student, lecture) is the only one that counts, so two devices cannot add up
/// their clocks. Each accepted heartbeat is checked against the session's wall clock and buffered for
/// <see cref="IWatchProgressStore"/>.
/// </summary>
public interface IWatchSessions
{
    /// <summary>A new session's token; costs no I/O.</summary>
    string Start(Guid studentId, Guid lectureId, long durationMs, DateTimeOffset now);

    Task<HeartbeatResult> RecordAsync(Heartbeat heartbeat, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>A buffered heartbeat on its way to the database: the interval it covered and where the player was.</summary>
public sealed record WatchRecord(Guid StudentId, Guid LectureId, int FromMs, int ToMs, int PositionMs, DateTimeOffset At);

/// <summary>A course a student has just completed and holds no certificate for, with what goes on the certificate.</summary>
public sealed record CourseCompletion(Guid StudentId, Guid CourseId, string StudentName, string CourseTitle, string InstructorName, DateTimeOffset CompletedAt);

/// <summary>Watched intervals in PostgreSQL, merged per (student, lecture). Runs inside the unit of work's transaction.</summary>
public interface IWatchProgressStore
{
    /// <summary>
    /// Merges the records (idempotent: a union of intervals, the latest position by time), marks lectures that reached
    /// the completion ratio, and returns the courses these students completed with an active enrolment and no certificate.
    /// </summary>
    Task<IReadOnlyList<CourseCompletion>> MergeAsync(IReadOnlyList<WatchRecord> records, CancellationToken cancellationToken);
}
