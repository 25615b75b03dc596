using Ardalis.Specification;
using LectureHub.Domain.Enrollments;

namespace LectureHub.Application.Enrollments;

public sealed class StudentEnrollmentSpec : SingleResultSpecification<Enrollment>
{
    public StudentEnrollmentSpec(Guid studentId, Guid courseId) => Query.Where(e => e.StudentId == studentId && e.CourseId == courseId);
}

public sealed class ActiveEnrollmentsSpec : Specification<Enrollment>
{
    public ActiveEnrollmentsSpec(Guid studentId, IReadOnlyCollection<Guid> courseIds) =>
        Query.Where(e => e.StudentId == studentId && courseIds.Contains(e.CourseId) && e.Status == EnrollmentStatus.Active);
}
