namespace LectureHub.Infrastructure.Cohorts;

public enum SlotKind
{
    Seat,
    Waitlist,
}
