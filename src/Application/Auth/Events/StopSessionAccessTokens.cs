using LectureHub.Application.Abstractions;
using LectureHub.Domain.Users;

namespace LectureHub.Application.Auth.Events;

internal sealed class StopSessionAccessTokens(ISessionRevocations revocations) : IDomainEventHandler<SessionRevoked>
{
    public Task HandleAsync(SessionRevoked domainEvent, CancellationToken cancellationToken) =>
        revocations.RevokeAsync(domainEvent.SessionId, cancellationToken);
}
