using LectureHub.Domain.Common;

namespace LectureHub.Domain.Enrollments;

public enum EnrollmentStatus
{
    Active,
    Refunded,
    Revoked,
}

public enum EnrollmentSource
{
    Free,
    Purchase,
}

/// <summary>
/// A student's access to a course: one per (student, course), enforced by a unique index. Free courses are enrolled
/// directly; paid enrolments are created by the payment flow. Refunded and revoked enrolments keep their row, so the
/// history (and the refund's progress check) stays.
/// </summary>
public sealed class Enrollment : Entity
{
    private Enrollment()
    {
    }

    public Guid StudentId { get; private set; }

    public Guid CourseId { get; private set; }

    public EnrollmentStatus Status { get; private set; }

    public EnrollmentSource Source { get; private set; }

    public DateTimeOffset EnrolledAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>The order that paid for the current enrolment (refunds go back to it); null for a free one.</summary>
    public Guid? OrderId { get; private set; }

    public static Enrollment Start(Guid studentId, Guid courseId, EnrollmentSource source, DateTimeOffset now, Guid? orderId = null) =>
        new() { StudentId = studentId, CourseId = courseId, Source = source, Status = EnrollmentStatus.Active, EnrolledAt = now, OrderId = orderId };

    /// <summary>A refunded student buys the course again: the same row (one per student and course) is active again.</summary>
    public void Renew(EnrollmentSource source, DateTimeOffset now, Guid? orderId = null)
    {
        if (Status != EnrollmentStatus.Refunded)
        {
            throw new DomainException("ENROLLMENT_NOT_RENEWABLE", $"An enrolment that is {Status.ToString().ToLowerInvariant()} cannot be bought again.");
        }

        (Status, Source, EnrolledAt, EndedAt, OrderId) = (EnrollmentStatus.Active, source, now, null, orderId);
    }

    public void Refund(DateTimeOffset now) => End(EnrollmentStatus.Refunded, now);

    public void Revoke(DateTimeOffset now) => End(EnrollmentStatus.Revoked, now);

    private void End(EnrollmentStatus status, DateTimeOffset now)
    {
        if (Status != EnrollmentStatus.Active)
        {
            throw new DomainException("ENROLLMENT_NOT_ACTIVE", $"The enrolment is already {Status.ToString().ToLowerInvariant()}.");
        }

        Status = status;
        EndedAt = now;
    }
}
