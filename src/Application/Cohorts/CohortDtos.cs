using LectureHub.Domain.Cohorts;

namespace LectureHub.Application.Cohorts;

public sealed record SeatsDto(int Capacity, int Taken, int WaitlistCapacity, int Waitlisted);

/// <summary>The columns of a <see cref="SeatsDto"/> for the cohort aliased <c>c</c>: capacities from it, counts from its places.</summary>
internal static class SeatsSql
{
    public const string Columns = """
        c.capacity AS "Capacity",
        (SELECT count(*)::int FROM cohort_slots sl WHERE sl.cohort_id = c.id AND sl.kind = 'Seat' AND sl.student_id IS NOT NULL) AS "Taken",
        c.waitlist_capacity AS "WaitlistCapacity",
        (SELECT count(*)::int FROM cohort_slots sl WHERE sl.cohort_id = c.id AND sl.kind = 'Waitlist' AND sl.student_id IS NOT NULL) AS "Waitlisted"
        """;

    /// <summary>
    /// The application aliased <c>a</c>'s place in its waitlist (null unless waitlisted): how many waitlisted
    /// applicants arrived before it, plus one. Waitlist numbers order arrivals but have gaps, so positions are counted.
    /// </summary>
    public const string WaitlistPosition = """
        CASE WHEN a.status = 'Waitlisted' THEN (SELECT count(*) + 1 FROM cohort_applications w
             WHERE w.cohort_id = a.cohort_id AND w.status = 'Waitlisted' AND w.waitlist_number < a.waitlist_number) END
        """;
}

public sealed record CohortDto(
    Guid Id, Guid OwnerId, Guid? CourseId, string Title, string Description, SelectionType Selection,
    DateTimeOffset RecruitStartsAt, DateTimeOffset RecruitEndsAt, DateTimeOffset ClassStartsAt, DateTimeOffset ClassEndsAt,
    string? Location, bool IsOnline, long FeeKrw, CohortVisibility Visibility, CohortForm Form, IReadOnlyList<CohortTerm> Terms, SeatsDto Seats,
    Guid? CategoryId, string? Region, DateTimeOffset? CancelledAt, string? CancellationReason)
{
    public static CohortDto From(Cohort c, SeatsDto seats) => new(
        c.Id, c.OwnerId, c.CourseId, c.Title, c.Description, c.Selection, c.RecruitStartsAt, c.RecruitEndsAt, c.ClassStartsAt, c.ClassEndsAt,
        c.Location, c.IsOnline, c.FeeKrw, c.Visibility, c.Form, c.Terms, seats, c.CategoryId, c.Region, c.CancelledAt, c.CancellationReason);
}

/// <summary>An application; in a paid cohort an approved one shows when its fee is due, the order for it, and when it was paid.</summary>
public sealed record ApplicationDto(
    Guid Id, Guid CohortId, Guid StudentId, ApplicationStatus Status, long? WaitlistNumber, int FormVersion, string? RejectionReason,
    DateTimeOffset AppliedAt, DateTimeOffset? DecidedAt, DateTimeOffset? CancelledAt, DateTimeOffset? PaymentDueAt, Guid? OrderId, DateTimeOffset? PaidAt)
{
    public static ApplicationDto From(CohortApplication a) => new(
        a.Id, a.CohortId, a.StudentId, a.Status, a.WaitlistNumber, a.Form.Version, a.RejectionReason, a.AppliedAt, a.DecidedAt, a.CancelledAt,
        a.PaymentDueAt, a.OrderId, a.PaidAt);
}
