using LectureHub.Domain.Cohorts;

namespace LectureHub.Application.Cohorts;

public sealed record SeatsDto(int Capacity, int Taken, int WaitlistCapacity, int Waitlisted);

public sealed record CohortDto(
    Guid Id, Guid OwnerId, Guid? CourseId, string Title, string Description, SelectionType Selection,
    DateTimeOffset RecruitStartsAt, DateTimeOffset RecruitEndsAt, DateTimeOffset ClassStartsAt, DateTimeOffset ClassEndsAt,
    string? Location, bool IsOnline, long FeeKrw, CohortVisibility Visibility, CohortForm Form, IReadOnlyList<CohortTerm> Terms, SeatsDto Seats)
{
    public static CohortDto From(Cohort c, SeatsDto seats) => new(
        c.Id, c.OwnerId, c.CourseId, c.Title, c.Description, c.Selection, c.RecruitStartsAt, c.RecruitEndsAt, c.ClassStartsAt, c.ClassEndsAt,
        c.Location, c.IsOnline, c.FeeKrw, c.Visibility, c.Form, c.Terms, seats);
}

public sealed record ApplicationDto(
    Guid Id, Guid CohortId, Guid StudentId, ApplicationStatus Status, long? WaitlistNumber, int FormVersion, string? RejectionReason,
    DateTimeOffset AppliedAt, DateTimeOffset? DecidedAt, DateTimeOffset? CancelledAt)
{
    public static ApplicationDto From(CohortApplication a) =>
        new(a.Id, a.CohortId, a.StudentId, a.Status, a.WaitlistNumber, a.Form.Version, a.RejectionReason, a.AppliedAt, a.DecidedAt, a.CancelledAt);
}
