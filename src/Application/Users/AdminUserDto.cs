using LectureHub.Domain.Users;

namespace LectureHub.Application.Users;

/// <summary>An account as Admins see it; also the before and after of their actions in the audit log.</summary>
public sealed record AdminUserDto(
    Guid Id, string Email, string DisplayName, Role Role, DateTimeOffset CreatedAt, DateTimeOffset? EmailVerifiedAt, DateTimeOffset? SuspendedAt, string? SuspensionReason)
{
    public static AdminUserDto From(User user) =>
        new(user.Id, user.Email, user.DisplayName, user.Role, user.CreatedAt, user.EmailVerifiedAt, user.SuspendedAt, user.SuspensionReason);
}
