using LectureHub.Application.Learning;
using LectureHub.Domain.Learning;
using LectureHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace LectureHub.Infrastructure.Learning;

/// <summary>The verified progress, read on the command's connection and transaction (the review that records it commits with it).</summary>
internal sealed class CourseProgress(AppDbContext db) : ICourseProgress
{
    private const string Sql = $"""
        SELECT {ProgressSql.CoveredMs}, {ProgressSql.DurationMs}
        FROM (SELECT @student::uuid AS student_id, @course::uuid AS course_id) e
        """;

    public async Task<double> PercentAsync(Guid studentId, Guid courseId, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var command = new NpgsqlCommand(Sql, connection, (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction());
        command.Parameters.Add(new NpgsqlParameter<Guid>("student", studentId));
        command.Parameters.Add(new NpgsqlParameter<Guid>("course", courseId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return WatchRules.Percent(reader.GetInt64(0), reader.GetInt64(1));
    }
}
