using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Application.Users;
using LectureHub.Domain.Users;
using Mediator;

namespace LectureHub.Application.Auth.Commands;

/// <summary>
/// Changes the signed-in user's password, given the current one, and ends every other session (this one stays).
/// A workflow: both hashes run before the transaction. Wrong current passwords count against the login throttle
/// with this session as the source, so a stolen access token cannot be used to guess the password. With two-factor
/// sign-in on, it also needs a recent step-up.
/// </summary>
public sealed record ChangePasswordWorkflow(string CurrentPassword, string NewPassword) : IWorkflow<Unit>;

public sealed record SetPasswordCommand(Guid UserId, string PasswordHash, Guid? KeepSession) : ICommand;

internal sealed class ChangePasswordValidator : AbstractValidator<ChangePasswordWorkflow>
{
    public ChangePasswordValidator()
    {
        RuleFor(c => c.CurrentPassword).NotEmpty().MaximumLength(UserRules.MaxPasswordLength);
        RuleFor(c => c.NewPassword).ValidNewPassword();
    }
}

internal sealed class ChangePasswordHandler(
    IRepository<User> users, IPasswordHasher hasher, ILoginThrottle throttle, ICurrentUser currentUser, ISender sender, TimeProvider clock)
    : IWorkflowHandler<ChangePasswordWorkflow, Unit>
{
    public async ValueTask<Unit> Handle(ChangePasswordWorkflow workflow, CancellationToken cancellationToken)
    {
        var user = await CurrentAccount.LoadAsync(users, currentUser, cancellationToken);
        if (user.HasTwoFactor)
        {
            StepUp.Require(currentUser, clock); // the password alone is not enough where a second factor is on
        }

        if (!user.HasPassword)
        {
            throw StepUp.PasswordNotSet();
        }

        var source = $"session:{currentUser.SessionId:N}";
        var gate = await throttle.CheckAsync(user.NormalizedEmail, source, knownDevice: true, cancellationToken);
        if (gate.RetryAfter is { } wait)
        {
            throw new TooManyRequestsException("LOGIN_THROTTLED", "Too many wrong passwords from this session. Try again later.", wait);
        }

        if (await hasher.VerifyAsync(user.PasswordHash, workflow.CurrentPassword, cancellationToken) == PasswordCheck.Failed)
        {
            await throttle.RecordFailureAsync(user.NormalizedEmail, source, cancellationToken);
            throw new UnprocessableException("PASSWORD_INCORRECT", "The current password is incorrect.");
        }

        await throttle.ResetAsync(user.NormalizedEmail, source, cancellationToken);
        var hash = await hasher.HashAsync(workflow.NewPassword, cancellationToken);
        return await sender.Send(new SetPasswordCommand(user.Id, hash, currentUser.SessionId), cancellationToken);
    }
}

internal sealed class SetPasswordHandler(IRepository<User> users, IRepository<RefreshToken> refreshTokens, TimeProvider clock)
    : ICommandHandler<SetPasswordCommand>
{
    public async ValueTask<Unit> Handle(SetPasswordCommand command, CancellationToken cancellationToken)
    {
        var user = await users.GetByIdAsync(command.UserId, cancellationToken)
                   ?? throw new NotFoundException("USER_NOT_FOUND", "The signed-in account no longer exists.");
        var now = clock.GetUtcNow();
        user.ChangePasswordHash(command.PasswordHash, now);
        await Sessions.RevokeAllAsync(refreshTokens, user.Id, command.KeepSession, "password changed", now, cancellationToken);
        return Unit.Value;
    }
}
