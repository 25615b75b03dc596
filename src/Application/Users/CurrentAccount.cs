using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Domain.Users;

namespace LectureHub.Application.Users;

/// <summary>The signed-in caller's own account, for the commands that change it.</summary>
internal static class CurrentAccount
{
    public static async Task<User> LoadAsync(IRepository<User> users, ICurrentUser currentUser, CancellationToken ct) =>
        await users.GetByIdAsync(currentUser.RequiredUserId, ct) ?? throw new NotFoundException("USER_NOT_FOUND", "The signed-in account no longer exists.");
}
