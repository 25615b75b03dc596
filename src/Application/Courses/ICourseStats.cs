namespace LectureHub.Application.Courses;

/// <summary>
/// The counters shown with a course (likes, enrolments, ratings), kept apart from the course row so that likes never
/// collide with an instructor's edit. Likes are rows plus a counter changed together in the command's transaction, so
/// the counter always equals the rows; liking and unliking are idempotent.
/// </summary>
public interface ICourseStats
{
    /// <summary>Starts a new course's counters at zero, in the same save as the course.</summary>
    void Start(Guid courseId);

    /// <summary>Returns the like count after the change.</summary>
    Task<int> LikeAsync(Guid userId, Guid courseId, DateTimeOffset now, CancellationToken cancellationToken);

    Task<int> UnlikeAsync(Guid userId, Guid courseId, CancellationToken cancellationToken);

    /// <summary>
    /// Moves the enrolment counter, in the transaction that creates, renews or ends the enrolment. A student's review
    /// rating counts while their enrolment is active, so ending one (-1) takes their rating out of the course's average
    /// and a renewal (+1) puts it back.
    /// </summary>
    Task CountEnrollmentAsync(Guid courseId, Guid studentId, int delta, CancellationToken cancellationToken);

    /// <summary>Moves the course's rating count and sum, in the review's transaction.</summary>
    Task RateAsync(Guid courseId, int countDelta, int sumDelta, CancellationToken cancellationToken);
}
