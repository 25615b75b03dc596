namespace LectureHub.Application.Abstractions;

/// <summary>
/// Sessions ended before their access tokens expire (logout, a stolen refresh token). Shared by every instance;
/// <see cref="IsRevoked"/> answers from memory, so checking it costs nothing on the request path.
/// </summary>
public interface ISessionRevocations
{
    Task RevokeAsync(Guid sessionId, CancellationToken cancellationToken);

    bool IsRevoked(Guid sessionId);
}
