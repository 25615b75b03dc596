using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Application.Users;
using LectureHub.Domain.Users;
using Mediator;

namespace LectureHub.Application.Auth.Commands;

/// <summary>The first code from the app turns two-factor sign-in on; the answer holds the ten recovery codes, shown this once.</summary>
public sealed record ConfirmTotpCommand(string Code) : ICommand<RecoveryCodesDto>;

public sealed record RecoveryCodesDto(IReadOnlyList<string> RecoveryCodes);

internal sealed class ConfirmTotpValidator : AbstractValidator<ConfirmTotpCommand>
{
    public ConfirmTotpValidator() => RuleFor(c => c.Code).NotEmpty().MaximumLength(SecondFactor.MaxCodeLength);
}

internal sealed class ConfirmTotpHandler(
    IRepository<User> users, IRepository<RecoveryCode> recoveryCodes, ITwoFactor twoFactor, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<ConfirmTotpCommand, RecoveryCodesDto>
{
    public async ValueTask<RecoveryCodesDto> Handle(ConfirmTotpCommand command, CancellationToken cancellationToken)
    {
        var user = await CurrentAccount.LoadAsync(users, currentUser, cancellationToken);
        if (user.HasTwoFactor || user.TotpSecret is null)
        {
            throw new ConflictException("TWO_FACTOR_NOT_ENROLLING", "Start enrolment first (POST /me/2fa/totp); two-factor sign-in may already be on.");
        }

        var now = clock.GetUtcNow();
        var step = twoFactor.MatchTotp(user.TotpSecret, command.Code, now)
                   ?? throw new UnprocessableException("TWO_FACTOR_CODE_INVALID", "The code does not match; check the app's clock and enter the current code.");
        user.EnableTotp(step, now);
        return new RecoveryCodesDto(await SecondFactor.NewRecoveryCodesAsync(user, twoFactor, recoveryCodes, now, cancellationToken));
    }
}
