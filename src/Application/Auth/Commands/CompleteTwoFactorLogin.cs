using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Domain.Users;
using Mediator;

namespace LectureHub.Application.Auth.Commands;

/// <summary>
/// The second sign-in step: the challenge from the password step and a code from the authenticator, or one of the
/// recovery codes. Wrong codes count against the account's own throttle (LOGIN_THROTTLED after five), which a
/// password alone never resets; a code is good once.
/// </summary>
public sealed record CompleteTwoFactorLoginWorkflow(string Challenge, string? Code, string? RecoveryCode) : IWorkflow<SignedIn>;

/// <summary>Starts the session when the second factor is good; null, with nothing written, when it is not.</summary>
public sealed record StartTwoFactorSessionCommand(Guid UserId, string? Code, string? RecoveryCode) : ICommand<TokenPair?>;

internal sealed class CompleteTwoFactorLoginValidator : AbstractValidator<CompleteTwoFactorLoginWorkflow>
{
    public CompleteTwoFactorLoginValidator()
    {
        RuleFor(c => c.Challenge).NotEmpty().MaximumLength(200);
        RuleFor(c => c).Must(c => (c.Code is null) != (c.RecoveryCode is null)).WithName("code").WithMessage("Send either a code or a recovery code.");
        RuleFor(c => c.Code).MaximumLength(SecondFactor.MaxCodeLength);
        RuleFor(c => c.RecoveryCode).MaximumLength(SecondFactor.MaxCodeLength);
    }
}

internal sealed class CompleteTwoFactorLoginHandler(IRepository<User> users, ITokenService tokens, ILoginThrottle throttle, ISender sender, TimeProvider clock)
    : IWorkflowHandler<CompleteTwoFactorLoginWorkflow, SignedIn>
{
    public async ValueTask<SignedIn> Handle(CompleteTwoFactorLoginWorkflow workflow, CancellationToken cancellationToken)
    {
        var user = tokens.LoginChallengeUser(workflow.Challenge, clock.GetUtcNow()) is { } userId
            ? await users.GetByIdAsync(userId, cancellationToken)
            : null;
        if (user is null)
        {
            throw new UnauthorizedException("TWO_FACTOR_CHALLENGE_INVALID", "The sign-in has expired (5 minutes) or the challenge is not ours; sign in again.");
        }

        await SecondFactorThrottle.RequireOpenAsync(throttle, user, cancellationToken);
        var pair = await sender.Send(new StartTwoFactorSessionCommand(user.Id, workflow.Code, workflow.RecoveryCode), cancellationToken);
        if (pair is null)
        {
            throw await SecondFactorThrottle.FailedAsync(throttle, user, cancellationToken);
        }

        await SecondFactorThrottle.PassedAsync(throttle, user, cancellationToken);
        return new SignedIn(pair, tokens.CreateDeviceToken(user.Id));
    }
}

internal sealed class StartTwoFactorSessionHandler(
    IRepository<User> users,
    IRepository<RefreshToken> refreshTokens,
    IRepository<RecoveryCode> recoveryCodes,
    ITokenService tokens,
    ITwoFactor twoFactor,
    IRequestClient requestClient,
    IReadConsistency consistency,
    TimeProvider clock) : ICommandHandler<StartTwoFactorSessionCommand, TokenPair?>
{
    public async ValueTask<TokenPair?> Handle(StartTwoFactorSessionCommand command, CancellationToken cancellationToken)
    {
        var user = await users.GetByIdAsync(command.UserId, cancellationToken)
                   ?? throw new UnauthorizedException("TWO_FACTOR_CHALLENGE_INVALID", "The account no longer exists; sign in again.");
        if (user.IsSuspended)
        {
            throw LoginHandler.Suspended();
        }

        var now = clock.GetUtcNow();
        if (!await SecondFactor.AcceptAsync(user, command.Code, command.RecoveryCode, twoFactor, recoveryCodes, now, cancellationToken))
        {
            return null;
        }

        consistency.NoteWriteBy(user.Id);
        return await TokenIssuer.IssueAsync(user, Guid.CreateVersion7(), tokens, refreshTokens, requestClient.Client, now, cancellationToken);
    }
}

/// <summary>Wrong second factors, per account (source "2fa"), across instances: the login throttle's window and limit.</summary>
internal static class SecondFactorThrottle
{
    private const string Source = "2fa";

    public static async Task RequireOpenAsync(ILoginThrottle throttle, User user, CancellationToken ct)
    {
        if ((await throttle.CheckAsync(user.NormalizedEmail, Source, knownDevice: true, ct)).RetryAfter is { } wait)
        {
            throw new TooManyRequestsException("LOGIN_THROTTLED", "Too many wrong codes for this account. Try again later.", wait);
        }
    }

    /// <summary>Counts the failure; the answer to throw is 401 TWO_FACTOR_CODE_INVALID.</summary>
    public static async Task<UnauthorizedException> FailedAsync(ILoginThrottle throttle, User user, CancellationToken ct)
    {
        await throttle.RecordFailureAsync(user.NormalizedEmail, Source, ct);
        return new UnauthorizedException("TWO_FACTOR_CODE_INVALID", "The code is wrong or was used already; enter the current code from the app, or a recovery code.");
    }

    public static Task PassedAsync(ILoginThrottle throttle, User user, CancellationToken ct) => throttle.ResetAsync(user.NormalizedEmail, Source, ct);
}
