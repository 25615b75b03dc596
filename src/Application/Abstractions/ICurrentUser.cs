using LectureHub.Domain.Users;

namespace LectureHub.Application.Abstractions;

public interface ICurrentUser
{
    Guid? UserId { get; }

    Role? Role { get; }

    /// <summary>The session (refresh family) the access token belongs to; null when anonymous.</summary>
    Guid? SessionId { get; }

    /// <summary>The caller's id; throws <see cref="Common.Exceptions.UnauthorizedException"/> when anonymous.</summary>
    Guid RequiredUserId { get; }
}
