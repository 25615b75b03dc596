namespace LectureHub.Application.Learning;

/// <summary>
/// A student's progress in one course. Percent = covered ÷ duration (one decimal); the course's figures sum over its
/// lectures (Σ covered ÷ Σ duration). Resume is the lecture and position the student's newest heartbeat reported,
/// from any device.
/// </summary>
public sealed record CourseProgressDto(
    Guid CourseId, string CourseTitle, double Percent, double CoveredSeconds, double DurationSeconds, int CompletedLectures, int Lectures,
    bool Completed, string? CertificateCode, ResumePoint? Resume, IReadOnlyList<LectureProgressDto> Curriculum);

/// <summary>Completed: the lecture reached 90 % coverage at some point (it stays complete).</summary>
public sealed record LectureProgressDto(
    Guid LectureId, string Title, double DurationSeconds, double CoveredSeconds, double Percent, bool Completed, double? ResumeAtSeconds);

public sealed record ResumePoint(Guid LectureId, double PositionSeconds, DateTimeOffset At);

/// <summary>What a certificate says, as anyone holding its code can check.</summary>
public sealed record CertificateDto(
    string Code, Guid CourseId, string CourseTitle, string StudentName, string InstructorName, DateTimeOffset CompletedAt, DateTimeOffset IssuedAt);
