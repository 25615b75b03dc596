using LectureHub.Application.Abstractions;
using LectureHub.Domain.Users;

namespace LectureHub.Application.Courses.Events;

/// <summary>Cached course pages carry the instructor's name; a rename purges that instructor's pages and popular lists.</summary>
internal sealed class PurgeInstructorCourses(IReadDb db, ICache cache) : IDomainEventHandler<UserRenamed>
{
    private const string Sql = """SELECT id AS "Id", category_id AS "CategoryId" FROM courses WHERE instructor_id = @UserId""";

    public async Task HandleAsync(UserRenamed domainEvent, CancellationToken cancellationToken)
    {
        foreach (var course in await db.Primary.QueryAsync<CourseRef>(Sql, new { domainEvent.UserId }, cancellationToken))
        {
            await CourseCache.PurgeAsync(cache, new Domain.Courses.CourseChanged(course.Id, course.CategoryId), cancellationToken);
        }
    }

    private sealed record CourseRef(Guid Id, Guid CategoryId);
}
