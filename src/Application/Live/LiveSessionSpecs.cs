using Ardalis.Specification;
using LectureHub.Domain.Live;

namespace LectureHub.Application.Live;

/// <summary>Scheduled sessions starting within the lead time and not reminded yet, soonest first.</summary>
public sealed class RemindersDueSpec : Specification<LiveSession>
{
    public RemindersDueSpec(DateTimeOffset now, TimeSpan lead, int batch) =>
        Query.Where(s => s.Status == LiveSessionStatus.Scheduled && s.RemindedAt == null && s.StartsAt > now && s.StartsAt <= now + lead)
            .OrderBy(s => s.StartsAt).Take(batch);
}

public sealed class CalendarFeedOfSpec : Specification<CalendarFeed>
{
    public CalendarFeedOfSpec(Guid userId) => Query.Where(f => f.UserId == userId);
}

