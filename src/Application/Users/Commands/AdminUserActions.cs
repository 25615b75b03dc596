using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Domain.Users;

namespace LectureHub.Application.Users.Commands;

/// <summary>What every Admin action on an account needs first: the account, and that it is not the Admin's own.</summary>
internal static class AdminUserActions
{
    public static async Task<User> LoadOtherAsync(IRepository<User> users, ICurrentUser admin, Guid userId, CancellationToken ct)
    {
        if (userId == admin.RequiredUserId)
        {
            throw new ConflictException("CANNOT_ACT_ON_SELF", "An Admin cannot suspend, reinstate or change the role of their own account; ask another Admin.");
        }

        return await users.GetByIdAsync(userId, ct) ?? throw new NotFoundException("USER_NOT_FOUND", $"User {userId} does not exist.");
    }
}
