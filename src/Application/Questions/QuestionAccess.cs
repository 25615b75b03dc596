using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Application.Courses;
using LectureHub.Application.Enrollments;
using LectureHub.Domain.Courses;
using LectureHub.Domain.Enrollments;
using LectureHub.Domain.Questions;

namespace LectureHub.Application.Questions;

/// <summary>Who takes part in a course's Q&amp;A: its instructor and its actively enrolled students.</summary>
internal static class QuestionAccess
{
    public static NotFoundException NotFound(Guid id) => new("QUESTION_NOT_FOUND", $"Question {id} does not exist.");

    public static NotFoundException AnswerNotFound(Guid id) => new("ANSWER_NOT_FOUND", $"Answer {id} does not exist.");

    public static async Task<Question> LoadAsync(this IRepository<Question> questions, Guid id, CancellationToken ct) =>
        await questions.GetByIdAsync(id, ct) ?? throw NotFound(id);

    /// <summary>The course, and whether the caller is its instructor; 403 unless they are that or actively enrolled.</summary>
    public static async Task<(Course Course, bool IsInstructor)> EnsureTakesPartAsync(
        this ICurrentUser user, Guid courseId, IRepository<Course> courses, IRepository<Enrollment> enrollments, CancellationToken ct)
    {
        var course = await courses.GetByIdAsync(courseId, ct) ?? throw CourseAccess.NotFound(courseId);
        if (course.IsOwnedBy(user.RequiredUserId))
        {
            return (course, true);
        }

        var enrollment = await enrollments.SingleOrDefaultAsync(new StudentEnrollmentSpec(user.RequiredUserId, courseId), ct);
        return enrollment is { Status: EnrollmentStatus.Active }
            ? (course, false)
            : throw new ForbiddenException("ENROLLMENT_REQUIRED", "Only the course's instructor and its enrolled students take part in its Q&A.");
    }
}
