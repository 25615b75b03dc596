namespace LectureHub.Infrastructure.Learning;

/// <summary>
/// That a student watched something on a day (Korea time): one row per student and day, written by the heartbeat
/// flush beside their progress. The admin dashboard counts active learners from it; progress rows keep only the
/// latest update, so they cannot say who learned on an earlier day.
/// </summary>
public sealed class LearnerDayRow
{
    public DateOnly Day { get; init; }

    public Guid StudentId { get; init; }
}
