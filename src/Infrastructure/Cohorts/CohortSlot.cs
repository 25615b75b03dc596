namespace LectureHub.Infrastructure.Cohorts;

/// <summary>One seat or waitlist place of a cohort (see <see cref="ICohortSeats"/>); free while <see cref="StudentId"/> is null.</summary>
public sealed class CohortSlot
{
    public Guid CohortId { get; init; }

    public SlotKind Kind { get; init; }

    public int Number { get; init; }

    public Guid? StudentId { get; init; }
}
