using LectureHub.Application.Abstractions;
using LectureHub.Domain.Common;
using LectureHub.Domain.Live;
using Mediator;

namespace LectureHub.Application.Live.Commands;

/// <summary>
/// A participant enters a session: the host and assistants once it is scheduled or live, students once the host has
/// opened it; nobody after it ended. Answers the caller's role (what the hub and the video room grant).
/// </summary>
public sealed record JoinLiveSessionCommand(Guid Id) : ICommand<LiveSessionDto>;

internal sealed class JoinLiveSessionHandler(IRepository<LiveSession> sessions, IReadDb db, ICurrentUser currentUser)
    : ICommandHandler<JoinLiveSessionCommand, LiveSessionDto>
{
    public async ValueTask<LiveSessionDto> Handle(JoinLiveSessionCommand command, CancellationToken cancellationToken)
    {
        var session = await sessions.LoadAsync(command.Id, cancellationToken);
        var role = await db.RoleOfAsync(currentUser, session.Parties(), cancellationToken);
        if (session.Status == LiveSessionStatus.Ended)
        {
            throw new DomainException("LIVE_SESSION_ENDED", "The session has ended.");
        }

        if (session.Status == LiveSessionStatus.Scheduled && role == LiveRole.Student)
        {
            throw new DomainException("LIVE_SESSION_NOT_LIVE", "The host has not opened the session yet.");
        }

        return LiveSessionDto.From(session, role);
    }
}
