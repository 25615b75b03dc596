using LectureHub.Domain.Courses;
using LectureHub.Domain.Users;
using LectureHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LectureHub.Infrastructure.Courses;

/// <summary>One like: the row is the truth, the counter in <see cref="CourseStatsRow"/> follows it.</summary>
public sealed class CourseLikeRow
{
    public Guid UserId { get; init; }

    public Guid CourseId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
