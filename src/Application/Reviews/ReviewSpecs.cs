using Ardalis.Specification;
using LectureHub.Domain.Reviews;

namespace LectureHub.Application.Reviews;

public sealed class ReviewByStudentSpec : SingleResultSpecification<Review>
{
    public ReviewByStudentSpec(Guid courseId, Guid studentId) => Query.Where(r => r.CourseId == courseId && r.StudentId == studentId);
}
