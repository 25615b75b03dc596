namespace LectureHub.Application.Courses;

/// <summary>
/// Likes as rows plus a counter, changed together in the command's transaction so the counter always equals the rows.
/// Both operations are idempotent.
/// </summary>
public interface ICourseLikes
{
    /// <summary>Returns the like count after the change.</summary>
    Task<int> LikeAsync(Guid userId, Guid courseId, DateTimeOffset now, CancellationToken cancellationToken);

    Task<int> UnlikeAsync(Guid userId, Guid courseId, CancellationToken cancellationToken);
}
