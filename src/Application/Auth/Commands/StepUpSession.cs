using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Application.Users;
using LectureHub.Domain.Users;
using Mediator;

namespace LectureHub.Application.Auth.Commands;

/// <summary>
/// Proves again who the signed-in user is, for the sensitive actions (<see cref="StepUp"/>): a second factor when
/// two-factor sign-in is on, else the password. Answers a new access token for the same session that carries the
/// moment; wrong answers are throttled as at sign-in.
/// </summary>
public sealed record StepUpWorkflow(string? Password, string? Code, string? RecoveryCode) : IWorkflow<AccessTokenDto>;

public sealed record AccessTokenDto(string AccessToken, DateTimeOffset AccessTokenExpiresAt);

/// <summary>Spends a second factor for a step-up; false, with nothing written, when it is not good.</summary>
public sealed record AcceptSecondFactorCommand(Guid UserId, string? Code, string? RecoveryCode) : ICommand<bool>;

internal sealed class StepUpValidator : AbstractValidator<StepUpWorkflow>
{
    public StepUpValidator()
    {
        RuleFor(c => c.Password).MaximumLength(UserRules.MaxPasswordLength);
        RuleFor(c => c.Code).MaximumLength(SecondFactor.MaxCodeLength);
        RuleFor(c => c.RecoveryCode).MaximumLength(SecondFactor.MaxCodeLength);
        RuleFor(c => c).Must(c => c.Password is not null || c.Code is not null || c.RecoveryCode is not null)
            .WithName("code").WithMessage("Send the code from your authenticator (or a recovery code), or your password if two-factor sign-in is off.");
    }
}

internal sealed class StepUpHandler(
    IRepository<User> users, IPasswordHasher hasher, ILoginThrottle throttle, ITokenService tokens, ICurrentUser currentUser, ISender sender, TimeProvider clock)
    : IWorkflowHandler<StepUpWorkflow, AccessTokenDto>
{
    public async ValueTask<AccessTokenDto> Handle(StepUpWorkflow workflow, CancellationToken cancellationToken)
    {
        var user = await CurrentAccount.LoadAsync(users, currentUser, cancellationToken);
        var session = currentUser.SessionId ?? throw new UnauthorizedException("UNAUTHENTICATED", "Sign in again: this access token names no session.");
        if (user.HasTwoFactor)
        {
            if (workflow.Code is null && workflow.RecoveryCode is null)
            {
                throw new UnprocessableException("TWO_FACTOR_CODE_REQUIRED", "Two-factor sign-in is on: confirm with a code from the app or a recovery code.");
            }

            await SecondFactorThrottle.RequireOpenAsync(throttle, user, cancellationToken);
            if (!await sender.Send(new AcceptSecondFactorCommand(user.Id, workflow.Code, workflow.RecoveryCode), cancellationToken))
            {
                throw await SecondFactorThrottle.FailedAsync(throttle, user, cancellationToken);
            }

            await SecondFactorThrottle.PassedAsync(throttle, user, cancellationToken);
        }
        else if (!user.HasPassword)
        {
            throw StepUp.PasswordNotSet();
        }
        else
        {
            var source = $"session:{session:N}";
            if ((await throttle.CheckAsync(user.NormalizedEmail, source, knownDevice: true, cancellationToken)).RetryAfter is { } wait)
            {
                throw new TooManyRequestsException("LOGIN_THROTTLED", "Too many wrong passwords from this session. Try again later.", wait);
            }

            if (workflow.Password is null || await hasher.VerifyAsync(user.PasswordHash, workflow.Password, cancellationToken) == PasswordCheck.Failed)
            {
                await throttle.RecordFailureAsync(user.NormalizedEmail, source, cancellationToken);
                throw new UnauthorizedException("INVALID_CREDENTIALS", "The password is incorrect.");
            }

            await throttle.ResetAsync(user.NormalizedEmail, source, cancellationToken);
        }

        var access = tokens.CreateAccessToken(user, session, clock.GetUtcNow());
        return new AccessTokenDto(access.Token, access.ExpiresAt);
    }
}

internal sealed class AcceptSecondFactorHandler(IRepository<User> users, IRepository<RecoveryCode> recoveryCodes, ITwoFactor twoFactor, TimeProvider clock)
    : ICommandHandler<AcceptSecondFactorCommand, bool>
{
    public async ValueTask<bool> Handle(AcceptSecondFactorCommand command, CancellationToken cancellationToken) =>
        await users.GetByIdAsync(command.UserId, cancellationToken) is { } user
        && await SecondFactor.AcceptAsync(user, command.Code, command.RecoveryCode, twoFactor, recoveryCodes, clock.GetUtcNow(), cancellationToken);
}
