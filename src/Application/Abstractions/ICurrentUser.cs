using LectureHub.Domain.Users;

namespace LectureHub.Application.Abstractions;

public interface ICurrentUser
{
    Guid? UserId { get; }

    Role? Role { get; }

    /// <summary>The session (refresh family) the access token belongs to; null when anonymous.</summary>
    Guid? SessionId { get; }

    /// <summary>When the caller last proved who they are for this access token (its <c>auth_time</c>); null after a refresh.</summary>
    DateTimeOffset? AuthenticatedAt { get; }

    /// <summary>The caller's id; throws <see cref="Common.Exceptions.UnauthorizedException"/> when anonymous.</summary>
    Guid RequiredUserId { get; }
}
