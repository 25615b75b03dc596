using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Application.Users;
using LectureHub.Domain.Users;
using Mediator;

namespace LectureHub.Application.Auth.Commands;

/// <summary>Signs one of the user's sessions out everywhere (its access tokens stop within seconds). Idempotent.</summary>
public sealed record RevokeSessionCommand(Guid SessionId) : ICommand;

/// <summary>Signs out every session of the user but the one making the request.</summary>
public sealed record RevokeOtherSessionsCommand : ICommand;

internal sealed class RevokeSessionHandler(IRepository<RefreshToken> refreshTokens, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RevokeSessionCommand>
{
    public async ValueTask<Unit> Handle(RevokeSessionCommand command, CancellationToken cancellationToken)
    {
        var user = currentUser.RequiredUserId;
        if (!await refreshTokens.AnyAsync(new RefreshTokensOfSessionSpec(user, command.SessionId), cancellationToken))
        {
            throw new NotFoundException("SESSION_NOT_FOUND", "You have no session with this id.");
        }

        await Sessions.RevokeAsync(refreshTokens, command.SessionId, "signed out by the user", clock.GetUtcNow(), cancellationToken);
        return Unit.Value;
    }
}

internal sealed class RevokeOtherSessionsHandler(IRepository<RefreshToken> refreshTokens, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RevokeOtherSessionsCommand>
{
    public async ValueTask<Unit> Handle(RevokeOtherSessionsCommand command, CancellationToken cancellationToken)
    {
        await Sessions.RevokeAllAsync(
            refreshTokens, currentUser.RequiredUserId, currentUser.SessionId, "signed out by the user", clock.GetUtcNow(), cancellationToken);
        return Unit.Value;
    }
}
