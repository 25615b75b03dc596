using LectureHub.Domain.Users;

namespace LectureHub.Application.Abstractions;

public interface ICurrentUser
{
    Guid? UserId { get; }

    Role? Role { get; }

    /// <summary>The caller's id; throws <see cref="Common.Exceptions.UnauthorizedException"/> when anonymous.</summary>
    Guid RequiredUserId { get; }
}
