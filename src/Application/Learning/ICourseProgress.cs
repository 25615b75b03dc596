namespace LectureHub.Application.Learning;

/// <summary>A student's verified progress in a course (see <see cref="ProgressSql"/>), read inside the command's transaction.</summary>
public interface ICourseProgress
{
    Task<double> PercentAsync(Guid studentId, Guid courseId, CancellationToken cancellationToken);
}
