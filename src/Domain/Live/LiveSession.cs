using LectureHub.Domain.Common;

namespace LectureHub.Domain.Live;

public enum LiveSessionStatus
{
    Scheduled,
    Live,
    Ended,
}

/// <summary>What a participant may do in a live session: the host runs it, assistants help moderate, students take part.</summary>
public enum LiveRole
{
    Host,
    Assistant,
    Student,
}

/// <summary>
/// A scheduled live class of a course or of a cohort (exactly one), run by its host (the course's instructor or the
/// cohort's owner) with optional assistants, whose rights hold in this session only. It goes scheduled → live →
/// ended: the host may open it from <see cref="EarlyStart"/> before its start, and it ends when the host ends it.
/// </summary>
public sealed class LiveSession : Entity
{
    public const int MaxTitleLength = 200;
    public const int MaxAssistants = 10;
    public static readonly TimeSpan MaxLength = TimeSpan.FromHours(8);
    public static readonly TimeSpan EarlyStart = TimeSpan.FromMinutes(30);

    private List<Guid> _assistantIds = [];

    private LiveSession()
    {
    }

    public Guid HostId { get; private set; }

    public Guid? CourseId { get; private set; }

    public Guid? CohortId { get; private set; }

    public string Title { get; private set; } = "";

    public DateTimeOffset StartsAt { get; private set; }

    public DateTimeOffset EndsAt { get; private set; }

    public LiveSessionStatus Status { get; private set; }

    public IReadOnlyList<Guid> AssistantIds => _assistantIds;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>When the reminder went out to the participants (once).</summary>
    public DateTimeOffset? RemindedAt { get; private set; }

    public static LiveSession Schedule(
        Guid hostId, Guid? courseId, Guid? cohortId, string title, DateTimeOffset startsAt, DateTimeOffset endsAt, IReadOnlyCollection<Guid> assistantIds,
        DateTimeOffset now)
    {
        if (courseId is null == cohortId is null)
        {
            throw new DomainValidationException("LIVE_SESSION_PARENT", "A live session belongs to a course or to a cohort, not both and not neither.");
        }

        var session = new LiveSession { HostId = hostId, CourseId = courseId, CohortId = cohortId, Status = LiveSessionStatus.Scheduled, CreatedAt = now };
        session.Plan(title, startsAt, endsAt, assistantIds, now);
        return session;
    }

    /// <summary>Changes what a scheduled session is: its title, times and assistants.</summary>
    public void Revise(string title, DateTimeOffset startsAt, DateTimeOffset endsAt, IReadOnlyCollection<Guid> assistantIds, DateTimeOffset now)
    {
        if (Status != LiveSessionStatus.Scheduled)
        {
            throw new DomainException("LIVE_SESSION_NOT_SCHEDULED", $"The session is {Status.ToString().ToLowerInvariant()}; only a scheduled one can change.");
        }

        var moved = startsAt != StartsAt;
        Plan(title, startsAt, endsAt, assistantIds, now);
        if (moved)
        {
            RemindedAt = null; // a new start gets its own reminder
        }
    }

    /// <summary>The host opens the session, at most <see cref="EarlyStart"/> before its start and before its end.</summary>
    public void Start(DateTimeOffset now)
    {
        if (Status != LiveSessionStatus.Scheduled)
        {
            throw new DomainException("LIVE_SESSION_NOT_SCHEDULED", $"The session is {Status.ToString().ToLowerInvariant()}; only a scheduled one can start.");
        }

        if (now < StartsAt - EarlyStart || now >= EndsAt)
        {
            throw new DomainException("LIVE_SESSION_OUTSIDE_ITS_TIME",
                $"A session opens from {EarlyStart.TotalMinutes:0} minutes before its start until its end ({StartsAt:u} to {EndsAt:u}).");
        }

        (Status, StartedAt) = (LiveSessionStatus.Live, now);
    }

    public void End(DateTimeOffset now)
    {
        if (Status != LiveSessionStatus.Live)
        {
            throw new DomainException("LIVE_SESSION_NOT_LIVE", $"The session is {Status.ToString().ToLowerInvariant()}; only a live one can end.");
        }

        (Status, EndedAt) = (LiveSessionStatus.Ended, now);
    }

    /// <summary>The participants are told the session is coming (once per start time).</summary>
    public void Remind(DateTimeOffset now)
    {
        RemindedAt = now;
        Raise(new LiveSessionReminderDue(Id, StartsAt));
    }

    private void Plan(string title, DateTimeOffset startsAt, DateTimeOffset endsAt, IReadOnlyCollection<Guid> assistantIds, DateTimeOffset now)
    {
        if (startsAt <= now)
        {
            throw new DomainValidationException("LIVE_SESSION_IN_THE_PAST", "A session is scheduled to start in the future.");
        }

        if (endsAt <= startsAt || endsAt - startsAt > MaxLength)
        {
            throw new DomainValidationException("LIVE_SESSION_LENGTH", $"A session ends after it starts and lasts at most {MaxLength.TotalHours:0} hours.");
        }

        if (assistantIds.Contains(HostId))
        {
            throw new DomainValidationException("LIVE_SESSION_HOST_AS_ASSISTANT", "The host runs the session; they cannot also be its assistant.");
        }

        (Title, StartsAt, EndsAt, _assistantIds) = (title.Trim(), startsAt, endsAt, assistantIds.Distinct().ToList());
    }
}

/// <summary>A session's reminder is due: every participant is emailed about its start.</summary>
public sealed record LiveSessionReminderDue(Guid SessionId, DateTimeOffset StartsAt) : IDomainEvent;

