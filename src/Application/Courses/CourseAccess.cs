using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Domain.Courses;
using LectureHub.Domain.Users;

namespace LectureHub.Application.Courses;

internal static class CourseAccess
{
    public static NotFoundException NotFound(Guid id) => new("COURSE_NOT_FOUND", $"Course {id} does not exist.");

    /// <summary>
    /// For the instructor console's reads: the course must be the caller's, or the caller an Admin. Another
    /// instructor's course answers 404, as one that does not exist: it is not theirs to look into.
    /// </summary>
    public static async Task EnsureOwnCourseAsync(this IReadDb db, ICurrentUser user, Guid courseId, CancellationToken ct)
    {
        var owner = await db.QuerySingleOrDefaultAsync<Guid?>("SELECT instructor_id FROM courses WHERE id = @CourseId", new { CourseId = courseId }, ct);
        if (owner is null || (user.Role != Role.Admin && owner != user.RequiredUserId))
        {
            throw NotFound(courseId);
        }
    }

    public static bool CanEdit(this ICurrentUser user, Course course) =>
        user.Role == Role.Admin || (user.UserId is { } id && course.IsOwnedBy(id));

    /// <summary>Loads a course with its curriculum for editing: 404 if missing, 403 unless the caller owns it or is an Admin.</summary>
    public static async Task<Course> LoadForEditAsync(this IRepository<Course> courses, ICurrentUser user, Guid id, CancellationToken ct)
    {
        var course = await courses.SingleOrDefaultAsync(new CourseWithCurriculumSpec(id), ct) ?? throw NotFound(id);
        return user.EnsureCanEdit(course);
    }

    /// <summary>The course, if the caller owns it or is an Admin; else 403.</summary>
    public static Course EnsureCanEdit(this ICurrentUser user, Course course) =>
        user.CanEdit(course) ? course : throw new ForbiddenException("NOT_COURSE_OWNER", "Only the course's instructor or an Admin can change it.");
}
