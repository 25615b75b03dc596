using LectureHub.Domain.Live;

namespace LectureHub.Application.Live;

/// <summary>A live session as its participants see it; <c>MyRole</c> is the caller's.</summary>
public sealed record LiveSessionDto(
    Guid Id, string Title, Guid? CourseId, Guid? CohortId, Guid HostId, IReadOnlyList<Guid> AssistantIds, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    LiveSessionStatus Status, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt, LiveRole MyRole)
{
    public static LiveSessionDto From(LiveSession s, LiveRole myRole) =>
        new(s.Id, s.Title, s.CourseId, s.CohortId, s.HostId, s.AssistantIds, s.StartsAt, s.EndsAt, s.Status, s.StartedAt, s.EndedAt, myRole);
}

/// <summary>A session as the read side has it (<see cref="LiveSessionAccess.Columns"/>).</summary>
public sealed record LiveSessionRow(
    Guid Id, string Title, Guid? CourseId, Guid? CohortId, Guid HostId, Guid[] AssistantIds, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Status,
    DateTimeOffset? StartedAt, DateTimeOffset? EndedAt)
{
    public LiveSessionParties Parties => new(HostId, AssistantIds, CourseId, CohortId);

    public LiveSessionDto Dto(LiveRole myRole) =>
        new(Id, Title, CourseId, CohortId, HostId, AssistantIds, StartsAt, EndsAt, Enum.Parse<LiveSessionStatus>(Status), StartedAt, EndedAt, myRole);

    public ICalendar.Event Event => new(Id, Title, StartsAt, EndsAt, Enum.Parse<LiveSessionStatus>(Status));
}

/// <summary>Who may be in a session: its host and assistants, and the course's students or the cohort's members.</summary>
public sealed record LiveSessionParties(Guid HostId, IReadOnlyList<Guid> AssistantIds, Guid? CourseId, Guid? CohortId);

/// <summary>A secret calendar address (shown once; a new one replaces it).</summary>
public sealed record CalendarFeedDto(string Url);

