using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Common;
using LectureHub.Application.Learning;
using LectureHub.Domain.Enrollments;
using LectureHub.Domain.Learning;
using Mediator;

namespace LectureHub.Application.Courses.Queries;

/// <summary>
/// A course's students for its instructor (or an Admin), the latest enrolled first, keyset pages: name, when they
/// enrolled, the verified progress, when they last watched, and when they completed (their certificate).
/// </summary>
public sealed record ListCourseStudentsQuery(Guid CourseId, string? Cursor = null, int Limit = 50) : IQuery<CourseStudentPage>, IPagedQuery
{
    public static int MaxLimit => 200;
}

public sealed record CourseStudentDto(
    Guid StudentId, string DisplayName, EnrollmentStatus Status, DateTimeOffset EnrolledAt, double ProgressPercent, DateTimeOffset? LastWatchedAt, DateTimeOffset? CompletedAt);

public sealed record CourseStudentPage(IReadOnlyList<CourseStudentDto> Items, string? NextCursor);

internal sealed class ListCourseStudentsValidator : AbstractValidator<ListCourseStudentsQuery>
{
    public ListCourseStudentsValidator() => RuleFor(q => q.Cursor).ValidTimeKeyCursor();
}

internal sealed class ListCourseStudentsHandler(IReadDb db, ICurrentUser currentUser) : IQueryHandler<ListCourseStudentsQuery, CourseStudentPage>
{
    private const string Sql = $"""
        SELECT e.id AS "EnrollmentId", u.id AS "StudentId", u.display_name AS "DisplayName", e.status AS "Status", e.enrolled_at AS "EnrolledAt",
               {ProgressSql.CoveredMs} AS "CoveredMs", {ProgressSql.DurationMs} AS "DurationMs",
               (SELECT max(p.updated_at) FROM lecture_progress p JOIN lecture_durations d ON d.lecture_id = p.lecture_id
                WHERE p.student_id = e.student_id AND d.course_id = e.course_id) AS "LastWatchedAt",
               (SELECT c.issued_at FROM certificates c WHERE c.student_id = e.student_id AND c.course_id = e.course_id) AS "CompletedAt"
        FROM enrollments e
        JOIN users u ON u.id = e.student_id
        WHERE e.course_id = @CourseId
        """;

    public async ValueTask<CourseStudentPage> Handle(ListCourseStudentsQuery query, CancellationToken cancellationToken)
    {
        await db.EnsureOwnCourseAsync(currentUser, query.CourseId, cancellationToken);

        var (rows, next) = await TimeKeyset.PageAsync<StudentRow>(
            db, Sql, "e.enrolled_at", "e.id", new() { ["CourseId"] = query.CourseId }, query.Cursor, query.Limit, r => new(r.EnrolledAt, r.EnrollmentId), cancellationToken);
        return new CourseStudentPage(
            rows.Select(r => new CourseStudentDto(r.StudentId, r.DisplayName, r.Status, r.EnrolledAt, WatchRules.Percent(r.CoveredMs, r.DurationMs), r.LastWatchedAt, r.CompletedAt))
                .ToList(),
            next);
    }

    private sealed record StudentRow(
        Guid EnrollmentId, Guid StudentId, string DisplayName, EnrollmentStatus Status, DateTimeOffset EnrolledAt, long CoveredMs, long DurationMs,
        DateTimeOffset? LastWatchedAt, DateTimeOffset? CompletedAt);
}
