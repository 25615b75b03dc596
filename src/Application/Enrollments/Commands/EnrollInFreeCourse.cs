using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Application.Courses;
using LectureHub.Domain.Courses;
using LectureHub.Domain.Enrollments;
using Mediator;

namespace LectureHub.Application.Enrollments.Commands;

/// <summary>
/// A student enrols in a free, published course. Idempotent: enrolling again returns the same active enrolment.
/// Paid courses are enrolled by the payment flow.
/// </summary>
public sealed record EnrollInFreeCourseCommand(Guid CourseId) : ICommand<EnrollmentResult>;

public sealed record EnrollmentDto(Guid Id, Guid CourseId, EnrollmentStatus Status, EnrollmentSource Source, DateTimeOffset EnrolledAt, DateTimeOffset? EndedAt)
{
    public static EnrollmentDto From(Enrollment e) => new(e.Id, e.CourseId, e.Status, e.Source, e.EnrolledAt, e.EndedAt);
}

/// <summary>The enrolment, and whether this call created it (201) or found it (200).</summary>
public sealed record EnrollmentResult(EnrollmentDto Enrollment, bool Created);

internal sealed class EnrollInFreeCourseHandler(
    IRepository<Course> courses, IRepository<Enrollment> enrollments, ICourseStats stats, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<EnrollInFreeCourseCommand, EnrollmentResult>
{
    public async ValueTask<EnrollmentResult> Handle(EnrollInFreeCourseCommand command, CancellationToken cancellationToken)
    {
        var course = await courses.SingleOrDefaultAsync(new PublishedCourseSpec(command.CourseId), cancellationToken)
            ?? throw CourseAccess.NotFound(command.CourseId);
        var studentId = currentUser.RequiredUserId;
        if (await enrollments.SingleOrDefaultAsync(new StudentEnrollmentSpec(studentId, course.Id), cancellationToken) is { } existing)
        {
            return existing.Status == EnrollmentStatus.Active
                ? new EnrollmentResult(EnrollmentDto.From(existing), Created: false)
                : throw new ConflictException("ENROLLMENT_ENDED", $"Your enrolment in this course was {existing.Status.ToString().ToLowerInvariant()}; it cannot be restarted here.");
        }

        if (course.PriceKrw > 0)
        {
            throw new ConflictException("PAYMENT_REQUIRED", "This course is paid; enrol by ordering it.");
        }

        var enrollment = Enrollment.Start(studentId, course.Id, EnrollmentSource.Free, clock.GetUtcNow());
        await enrollments.AddAsync(enrollment, cancellationToken);
        await stats.CountEnrollmentAsync(course.Id, studentId, +1, cancellationToken);
        return new EnrollmentResult(EnrollmentDto.From(enrollment), Created: true);
    }
}
