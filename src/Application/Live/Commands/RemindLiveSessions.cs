using LectureHub.Application.Abstractions;
using LectureHub.Domain.Live;
using Mediator;

namespace LectureHub.Application.Live.Commands;

/// <summary>
/// Marks up to <see cref="Batch"/> sessions starting within <see cref="Lead"/> as reminded, each raising the event
/// whose handler emails every participant (through the outbox, after commit). Returns how many. Two instances racing
/// on one session: the second's save fails on the row's version and the next round finds it reminded.
/// </summary>
public sealed record RemindLiveSessionsCommand(TimeSpan Lead, int Batch) : ICommand<int>;

internal sealed class RemindLiveSessionsHandler(IRepository<LiveSession> sessions, TimeProvider clock) : ICommandHandler<RemindLiveSessionsCommand, int>
{
    public async ValueTask<int> Handle(RemindLiveSessionsCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await sessions.ListAsync(new RemindersDueSpec(now, command.Lead, command.Batch), cancellationToken);
        foreach (var session in due)
        {
            session.Remind(now);
        }

        return due.Count;
    }
}
