using LectureHub.Application.Abstractions;
using LectureHub.Domain.Cohorts;
using LectureHub.Domain.Enrollments;
using Mediator;

namespace LectureHub.Application.Enrollments.Queries;

/// <summary>The caller's courses and cohort applications with their status, newest first.</summary>
public sealed record ListMyEnrollmentsQuery : IQuery<MyEnrollmentsDto>;

public sealed record MyCourseDto(Guid EnrollmentId, Guid CourseId, string Title, EnrollmentStatus Status, EnrollmentSource Source, DateTimeOffset EnrolledAt);

public sealed record MyCohortDto(
    Guid ApplicationId, Guid CohortId, string Title, ApplicationStatus Status, long? WaitlistPosition, DateTimeOffset ClassStartsAt, DateTimeOffset AppliedAt,
    long FeeKrw, DateTimeOffset? PaymentDueAt, DateTimeOffset? PaidAt);

public sealed record MyEnrollmentsDto(IReadOnlyList<MyCourseDto> Courses, IReadOnlyList<MyCohortDto> Cohorts);

internal sealed class ListMyEnrollmentsHandler(IReadDb db, ICurrentUser currentUser) : IQueryHandler<ListMyEnrollmentsQuery, MyEnrollmentsDto>
{
    /// <summary>A student has tens of these, not thousands: one page holds them all, bounded as a safeguard.</summary>
    private const int Max = 500;

    private const string CoursesSql = """
        SELECT e.id AS "EnrollmentId", e.course_id AS "CourseId", c.title AS "Title", e.status AS "Status", e.source AS "Source", e.enrolled_at AS "EnrolledAt"
        FROM enrollments e JOIN courses c ON c.id = e.course_id
        WHERE e.student_id = @UserId ORDER BY e.enrolled_at DESC LIMIT @Max
        """;

    private const string CohortsSql = $"""
        SELECT a.id AS "ApplicationId", a.cohort_id AS "CohortId", c.title AS "Title", a.status AS "Status",
               {Cohorts.SeatsSql.WaitlistPosition} AS "WaitlistPosition",
               c.class_starts_at AS "ClassStartsAt", a.applied_at AS "AppliedAt", c.fee_krw AS "FeeKrw",
               a.payment_due_at AS "PaymentDueAt", a.paid_at AS "PaidAt"
        FROM cohort_applications a JOIN cohorts c ON c.id = a.cohort_id
        WHERE a.student_id = @UserId ORDER BY a.applied_at DESC LIMIT @Max
        """;

    public async ValueTask<MyEnrollmentsDto> Handle(ListMyEnrollmentsQuery query, CancellationToken cancellationToken)
    {
        var args = new { UserId = currentUser.RequiredUserId, Max };
        var courses = await db.QueryAsync<CourseRow>(CoursesSql, args, cancellationToken);
        var cohorts = await db.QueryAsync<CohortRow>(CohortsSql, args, cancellationToken);
        return new MyEnrollmentsDto(
            courses.Select(r => new MyCourseDto(r.EnrollmentId, r.CourseId, r.Title, Enum.Parse<EnrollmentStatus>(r.Status), Enum.Parse<EnrollmentSource>(r.Source), r.EnrolledAt)).ToList(),
            cohorts.Select(r => new MyCohortDto(r.ApplicationId, r.CohortId, r.Title, Enum.Parse<ApplicationStatus>(r.Status), r.WaitlistPosition, r.ClassStartsAt, r.AppliedAt,
                r.FeeKrw, r.PaymentDueAt, r.PaidAt)).ToList());
    }

    private sealed record CourseRow(Guid EnrollmentId, Guid CourseId, string Title, string Status, string Source, DateTimeOffset EnrolledAt);

    private sealed record CohortRow(
        Guid ApplicationId, Guid CohortId, string Title, string Status, long? WaitlistPosition, DateTimeOffset ClassStartsAt, DateTimeOffset AppliedAt,
        long FeeKrw, DateTimeOffset? PaymentDueAt, DateTimeOffset? PaidAt);
}
