using LectureHub.Application.Learning;
using LectureHub.Application.Learning.Commands;
using LectureHub.IntegrationTests.Support;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace LectureHub.IntegrationTests.Learning;

/// <summary>Learning steps for tests.</summary>
public static class LearningApi
{
    /// <summary>
    /// Merges what a student watched, as the heartbeat flush would: for each (lecture index in curriculum order, ms),
    /// the lecture from its start to there. The student is the course's only enrolled one unless named.
    /// </summary>
    public static async Task WatchAsync(this ApiFactory factory, Guid courseId, params (int Lecture, int ToMs)[] watched) =>
        await factory.WatchAsync(
            await Api.ScalarAsync<Guid>(ApiFactory.PrimaryConnectionString, "SELECT student_id FROM enrollments WHERE course_id = @c", ("c", courseId)),
            courseId, watched);

    public static async Task WatchAsync(this ApiFactory factory, Guid studentId, Guid courseId, params (int Lecture, int ToMs)[] watched)
    {
        var lectures = await Api.ScalarAsync<Guid[]>(ApiFactory.PrimaryConnectionString, """
            SELECT array_agg(l.id ORDER BY s.position, l.position) FROM lectures l JOIN sections s ON s.id = l.section_id WHERE s.course_id = @c
            """, ("c", courseId));
        var records = watched.Select(w => new WatchRecord(studentId, lectures![w.Lecture], 0, w.ToMs, w.ToMs, factory.Clock.GetUtcNow())).ToList();
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ISender>().Send(new MergeWatchedIntervalsCommand(records));
    }
}
