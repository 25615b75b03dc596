using LectureHub.Application.Abstractions;
using LectureHub.Application.Audit;
using LectureHub.Application.Auth;
using LectureHub.Domain.Audit;
using LectureHub.Domain.Users;
using Mediator;

namespace LectureHub.Application.Users.Commands;

/// <summary>Admins: lifts a suspension; the account signs in again as before.</summary>
public sealed record ReinstateUserCommand(Guid UserId) : ICommand<AdminUserDto>;

internal sealed class ReinstateUserHandler(IRepository<User> users, IRepository<AuditEntry> audit, ICurrentUser admin, TimeProvider clock)
    : ICommandHandler<ReinstateUserCommand, AdminUserDto>
{
    public async ValueTask<AdminUserDto> Handle(ReinstateUserCommand command, CancellationToken cancellationToken)
    {
        StepUp.Require(admin, clock);
        var user = await AdminUserActions.LoadOtherAsync(users, admin, command.UserId, cancellationToken);
        var before = AdminUserDto.From(user);
        var now = clock.GetUtcNow();
        user.Reinstate(now);
        var after = AdminUserDto.From(user);
        await AdminAudit.RecordAsync(audit, admin, "user.reinstate", "user", user.Id, before, after, now, cancellationToken);
        return after;
    }
}
