namespace LectureHub.Infrastructure.Dashboard;

/// <summary>
/// An ended day's learners by how long before it each last learned: <see cref="Learners"/> students active on
/// <see cref="Day"/> whose previous active day was <see cref="DaysSincePrevious"/> days earlier (null: never before).
/// It turns "distinct learners over a range" into a sum: a student counts once, on their first day in the range,
/// which is the day whose gap reaches back before the range's start. Written with the day's <see cref="PlatformDayRow"/>.
/// </summary>
public sealed class PlatformLearnerGapRow
{
    public long Id { get; init; }

    public DateOnly Day { get; init; }

    public int? DaysSincePrevious { get; init; }

    public int Learners { get; init; }
}
