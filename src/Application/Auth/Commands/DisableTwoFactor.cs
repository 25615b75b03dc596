using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Application.Users;
using LectureHub.Domain.Users;
using Mediator;

namespace LectureHub.Application.Auth.Commands;

/// <summary>Turns two-factor sign-in off and deletes the recovery codes. Needs a recent step-up (with the second factor).</summary>
public sealed record DisableTwoFactorCommand : ICommand;

internal sealed class DisableTwoFactorHandler(IRepository<User> users, IRepository<RecoveryCode> recoveryCodes, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<DisableTwoFactorCommand>
{
    public async ValueTask<Unit> Handle(DisableTwoFactorCommand command, CancellationToken cancellationToken)
    {
        StepUp.Require(currentUser, clock);
        var user = await CurrentAccount.LoadAsync(users, currentUser, cancellationToken);
        user.DisableTotp(clock.GetUtcNow());
        foreach (var code in await recoveryCodes.ListAsync(new RecoveryCodesOfUserSpec(user.Id), cancellationToken))
        {
            recoveryCodes.Delete(code);
        }

        return Unit.Value;
    }
}
