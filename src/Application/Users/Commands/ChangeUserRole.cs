using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Audit;
using LectureHub.Application.Auth;
using LectureHub.Domain.Audit;
using LectureHub.Domain.Users;
using Mediator;

namespace LectureHub.Application.Users.Commands;

/// <summary>
/// Admins: gives an account another role. Access tokens carry the role, so taking rights away ends the account's
/// sessions (the old role's tokens stop within seconds); a promotion keeps them, and the next refresh carries it.
/// </summary>
public sealed record ChangeUserRoleCommand(Guid UserId, Role Role) : ICommand<AdminUserDto>;

internal sealed class ChangeUserRoleValidator : AbstractValidator<ChangeUserRoleCommand>
{
    public ChangeUserRoleValidator() => RuleFor(c => c.Role).IsInEnum();
}

internal sealed class ChangeUserRoleHandler(
    IRepository<User> users, IRepository<RefreshToken> refreshTokens, IRepository<AuditEntry> audit, ICurrentUser admin, TimeProvider clock)
    : ICommandHandler<ChangeUserRoleCommand, AdminUserDto>
{
    public async ValueTask<AdminUserDto> Handle(ChangeUserRoleCommand command, CancellationToken cancellationToken)
    {
        StepUp.Require(admin, clock);
        var user = await AdminUserActions.LoadOtherAsync(users, admin, command.UserId, cancellationToken);
        var before = AdminUserDto.From(user);
        if (before.Role == command.Role)
        {
            return before;
        }

        var now = clock.GetUtcNow();
        user.ChangeRole(command.Role, now);
        if (command.Role < before.Role)
        {
            await Sessions.RevokeAllAsync(refreshTokens, user.Id, keep: null, "role reduced", now, cancellationToken);
        }

        var after = AdminUserDto.From(user);
        await AdminAudit.RecordAsync(audit, admin, "user.role", "user", user.Id, before, after, now, cancellationToken);
        return after;
    }
}
