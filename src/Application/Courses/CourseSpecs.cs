using Ardalis.Specification;
using LectureHub.Domain.Courses;

namespace LectureHub.Application.Courses;

public sealed class CourseWithCurriculumSpec : SingleResultSpecification<Course>
{
    public CourseWithCurriculumSpec(Guid courseId) =>
        Query.Where(c => c.Id == courseId).Include(c => c.Sections).ThenInclude(s => s.Lectures);
}

public sealed class PublishedCourseSpec : SingleResultSpecification<Course>
{
    public PublishedCourseSpec(Guid courseId) => Query.Where(c => c.Id == courseId && c.Status == CourseStatus.Published);
}

public sealed class PublishedCoursesSpec : Specification<Course>
{
    public PublishedCoursesSpec(IReadOnlyCollection<Guid> ids) => Query.Where(c => ids.Contains(c.Id) && c.Status == CourseStatus.Published);
}

/// <summary>The course that holds a lecture (the row only: enough to check who may change it).</summary>
public sealed class CourseOfLectureSpec : SingleResultSpecification<Course>
{
    public CourseOfLectureSpec(Guid lectureId) => Query.Where(c => c.Sections.Any(s => s.Lectures.Any(l => l.Id == lectureId)));
}

public sealed class PublishedCoursesOfInstructorSpec : Specification<Course>
{
    public PublishedCoursesOfInstructorSpec(Guid instructorId) => Query.Where(c => c.InstructorId == instructorId && c.Status == CourseStatus.Published);
}

public sealed class MaterialsOfLectureSpec : Specification<LectureMaterial>
{
    public MaterialsOfLectureSpec(Guid lectureId) => Query.Where(m => m.LectureId == lectureId);
}
