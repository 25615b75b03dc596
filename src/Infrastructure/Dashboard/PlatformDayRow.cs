namespace LectureHub.Infrastructure.Dashboard;

/// <summary>
/// One ended Korea-time day's platform figures for one trade (<see cref="CategoryId"/>; null for what belongs to no
/// trade: sign-ups, learners, and cohorts without one), written once by <see cref="PlatformDayRollup"/>. Every rolled-up
/// day has its null row, so the days rolled up are those up to the latest. No foreign key to categories: it is history.
/// </summary>
public sealed class PlatformDayRow
{
    public long Id { get; init; }

    public DateOnly Day { get; init; }

    public Guid? CategoryId { get; init; }

    public int SignUps { get; init; }

    public int Learners { get; init; }

    public int Sales { get; init; }

    public int Refunds { get; init; }

    public long GrossKrw { get; init; }

    public long RefundedKrw { get; init; }

    public long CommissionKrw { get; init; }

    public int Enrolments { get; init; }

    public int Applications { get; init; }
}
