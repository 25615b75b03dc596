using LectureHub.Application.Abstractions;
using LectureHub.Domain.Learning;
using Mediator;
using Microsoft.Extensions.Logging;

namespace LectureHub.Application.Learning.Commands;

/// <summary>
/// One flush of buffered heartbeats: merge them into the students' watched intervals and issue a certificate for every
/// course that became complete, in one transaction. Safe to run twice on the same records (the buffer redelivers a
/// batch whose flush did not finish): intervals are a union, and a course holds one certificate per student.
/// </summary>
public sealed record MergeWatchedIntervalsCommand(IReadOnlyList<WatchRecord> Records) : ICommand<int>;

internal sealed class MergeWatchedIntervalsHandler(
    IWatchProgressStore progress, IRepository<Certificate> certificates, TimeProvider clock, ILogger<MergeWatchedIntervalsHandler> logger)
    : ICommandHandler<MergeWatchedIntervalsCommand, int>
{
    public async ValueTask<int> Handle(MergeWatchedIntervalsCommand command, CancellationToken cancellationToken)
    {
        var completions = await progress.MergeAsync(command.Records, cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var completion in completions)
        {
            var certificate = Certificate.Issue(completion.StudentId, completion.CourseId, completion.StudentName, completion.CourseTitle,
                completion.InstructorName, completion.CompletedAt, now);
            await certificates.AddAsync(certificate, cancellationToken);
            logger.LogInformation("Student {StudentId} completed course {CourseId}: certificate {CertificateId}", completion.StudentId, completion.CourseId, certificate.Id);
        }

        return completions.Count;
    }
}
