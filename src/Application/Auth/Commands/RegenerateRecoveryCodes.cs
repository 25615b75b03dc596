using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Application.Users;
using LectureHub.Domain.Users;
using Mediator;

namespace LectureHub.Application.Auth.Commands;

/// <summary>A new set of recovery codes (the old ones stop working). Needs a recent step-up.</summary>
public sealed record RegenerateRecoveryCodesCommand : ICommand<RecoveryCodesDto>;

internal sealed class RegenerateRecoveryCodesHandler(
    IRepository<User> users, IRepository<RecoveryCode> recoveryCodes, ITwoFactor twoFactor, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RegenerateRecoveryCodesCommand, RecoveryCodesDto>
{
    public async ValueTask<RecoveryCodesDto> Handle(RegenerateRecoveryCodesCommand command, CancellationToken cancellationToken)
    {
        StepUp.Require(currentUser, clock);
        var user = await CurrentAccount.LoadAsync(users, currentUser, cancellationToken);
        if (!user.HasTwoFactor)
        {
            throw new ConflictException("TWO_FACTOR_NOT_ENABLED", "Two-factor sign-in is not on, so there are no recovery codes.");
        }

        return new RecoveryCodesDto(await SecondFactor.NewRecoveryCodesAsync(user, twoFactor, recoveryCodes, clock.GetUtcNow(), cancellationToken));
    }
}
