using LectureHub.Application.Abstractions;
using LectureHub.Domain.Live;
using Mediator;

namespace LectureHub.Application.Live.Commands;

/// <summary>The host (or an Admin) opens a scheduled session, from 30 minutes before its start.</summary>
public sealed record StartLiveSessionCommand(Guid Id) : ICommand<LiveSessionDto>;

/// <summary>The host (or an Admin) ends a live session.</summary>
public sealed record EndLiveSessionCommand(Guid Id) : ICommand<LiveSessionDto>;

internal sealed class RunLiveSessionHandler(IRepository<LiveSession> sessions, IReadDb db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<StartLiveSessionCommand, LiveSessionDto>, ICommandHandler<EndLiveSessionCommand, LiveSessionDto>
{
    public ValueTask<LiveSessionDto> Handle(StartLiveSessionCommand command, CancellationToken cancellationToken) =>
        RunAsync(command.Id, s => s.Start(clock.GetUtcNow()), cancellationToken);

    public ValueTask<LiveSessionDto> Handle(EndLiveSessionCommand command, CancellationToken cancellationToken) =>
        RunAsync(command.Id, s => s.End(clock.GetUtcNow()), cancellationToken);

    private async ValueTask<LiveSessionDto> RunAsync(Guid id, Action<LiveSession> step, CancellationToken cancellationToken)
    {
        var session = currentUser.EnsureCanRun(await sessions.LoadAsync(id, cancellationToken));
        step(session);
        return LiveSessionDto.From(session, await db.RoleOfAsync(currentUser, session.Parties(), cancellationToken));
    }
}
