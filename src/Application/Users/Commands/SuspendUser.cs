using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Audit;
using LectureHub.Application.Auth;
using LectureHub.Domain.Audit;
using LectureHub.Domain.Users;
using Mediator;

namespace LectureHub.Application.Users.Commands;

/// <summary>
/// Admins: suspends an account at once. Every session ends in the same transaction, so refresh tokens stop now and
/// access tokens within the revocation list's refresh on every instance; signing in answers 403 ACCOUNT_SUSPENDED.
/// </summary>
public sealed record SuspendUserCommand(Guid UserId, string Reason) : ICommand<AdminUserDto>;

internal sealed class SuspendUserValidator : AbstractValidator<SuspendUserCommand>
{
    public SuspendUserValidator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(User.MaxSuspensionReasonLength);
}

internal sealed class SuspendUserHandler(
    IRepository<User> users, IRepository<RefreshToken> refreshTokens, IRepository<AuditEntry> audit, ICurrentUser admin, TimeProvider clock)
    : ICommandHandler<SuspendUserCommand, AdminUserDto>
{
    public async ValueTask<AdminUserDto> Handle(SuspendUserCommand command, CancellationToken cancellationToken)
    {
        StepUp.Require(admin, clock);
        var user = await AdminUserActions.LoadOtherAsync(users, admin, command.UserId, cancellationToken);
        var before = AdminUserDto.From(user);
        var now = clock.GetUtcNow();
        user.Suspend(command.Reason, now);
        await Sessions.RevokeAllAsync(refreshTokens, user.Id, keep: null, "suspended", now, cancellationToken);
        var after = AdminUserDto.From(user);
        await AdminAudit.RecordAsync(audit, admin, "user.suspend", "user", user.Id, before, after, now, cancellationToken);
        return after;
    }
}
