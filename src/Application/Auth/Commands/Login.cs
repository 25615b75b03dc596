using System.Text.Json.Serialization;
using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Application.Users;
using LectureHub.Domain.Users;
using Mediator;

namespace LectureHub.Application.Auth.Commands;

/// <summary>
/// Signs in. A workflow, not a command: the throttle's delay and the password hash (which may queue for a slot)
/// happen before any transaction, so neither holds a database connection; <see cref="StartSessionCommand"/> then
/// writes the session in one short transaction. <see cref="Source"/> is the client's address and
/// <see cref="DeviceToken"/> the device marker it holds, both set by the endpoint, never from the body.
/// </summary>
public sealed record LoginWorkflow(string Email, string Password) : IWorkflow<SignedIn>
{
    [JsonIgnore]
    public string? Source { get; init; }

    [JsonIgnore]
    public string? DeviceToken { get; init; }
}

/// <summary>
/// The session's tokens and the device marker to keep for the next sign-in to this account; or, for an account with
/// two-factor sign-in, only the <see cref="Challenge"/> to answer with a code (<see cref="CompleteTwoFactorLoginWorkflow"/>).
/// </summary>
public sealed record SignedIn(TokenPair? Tokens, string? DeviceToken, TwoFactorChallenge? Challenge = null);

/// <summary>The password checked out; send this with a code from the authenticator (or a recovery code) before it expires.</summary>
public sealed record TwoFactorChallenge(string Challenge, DateTimeOffset ExpiresAt)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
}

/// <summary>Stores a stronger hash of a password that just checked out against a weaker one (the two-factor path, which starts no session yet).</summary>
public sealed record StorePasswordRehashCommand(Guid UserId, string PasswordHash) : ICommand;

/// <summary>Issues a new session for a user whose password was just checked; stores the rehash when there is one.</summary>
public sealed record StartSessionCommand(Guid UserId, string? NewPasswordHash) : ICommand<TokenPair>;

internal sealed class LoginValidator : AbstractValidator<LoginWorkflow>
{
    public LoginValidator()
    {
        RuleFor(c => c.Email).NotEmpty().MaximumLength(User.MaxEmailLength);
        RuleFor(c => c.Password).NotEmpty().MaximumLength(UserRules.MaxPasswordLength);
    }
}

internal sealed class LoginHandler(
    IRepository<User> users,
    IPasswordHasher hasher,
    ITokenService tokens,
    ILoginThrottle throttle,
    ISender sender,
    TimeProvider clock) : IWorkflowHandler<LoginWorkflow, SignedIn>
{
    // Verifying against a real hash when the account does not exist keeps the response time from revealing which emails exist.
    private static string? decoyHash;

    public async ValueTask<SignedIn> Handle(LoginWorkflow workflow, CancellationToken cancellationToken)
    {
        var email = User.Normalize(workflow.Email);
        // A deleted account keeps its row (and an anonymized address) but has no password: it is no account to sign in to.
        var user = await users.SingleOrDefaultAsync(new UserByEmailSpec(email), cancellationToken) is { DeletedAt: null } found ? found : null;
        var device = user is not null && workflow.DeviceToken is { } marker ? tokens.DeviceOf(marker, user.Id) : null;
        var source = device is { } known ? $"device:{known:N}" : $"ip:{workflow.Source ?? "unknown"}";
        var gate = await throttle.CheckAsync(email, source, knownDevice: device is not null, cancellationToken);
        if (gate.RetryAfter is { } wait)
        {
            throw new TooManyRequestsException("LOGIN_THROTTLED", "Too many failed sign-ins to this account from here. Try again later.", wait);
        }

        if (gate.Delay > TimeSpan.Zero)
        {
            await Task.Delay(gate.Delay, clock, cancellationToken);
        }

        var check = await hasher.VerifyAsync(user?.PasswordHash ?? (decoyHash ??= await hasher.HashAsync(Guid.NewGuid().ToString(), cancellationToken)), workflow.Password, cancellationToken);
        if (user is null || check == PasswordCheck.Failed)
        {
            await throttle.RecordFailureAsync(email, source, cancellationToken);
            throw new UnauthorizedException("INVALID_CREDENTIALS", "The email or password is incorrect.");
        }

        await throttle.ResetAsync(email, source, cancellationToken);
        if (user.IsSuspended)
        {
            throw Suspended();
        }

        var rehash = check == PasswordCheck.SuccessRehashNeeded ? await hasher.HashAsync(workflow.Password, cancellationToken) : null;
        if (user.HasTwoFactor)
        {
            if (rehash is not null)
            {
                await sender.Send(new StorePasswordRehashCommand(user.Id, rehash), cancellationToken);
            }

            var expires = clock.GetUtcNow() + TwoFactorChallenge.Lifetime;
            return new SignedIn(null, null, new TwoFactorChallenge(tokens.CreateLoginChallenge(user.Id, expires), expires));
        }

        var pair = await sender.Send(new StartSessionCommand(user.Id, rehash), cancellationToken);
        return new SignedIn(pair, device is null ? tokens.CreateDeviceToken(user.Id) : workflow.DeviceToken!);
    }

    /// <summary>Said only after the password checked out, so it reveals nothing to someone guessing.</summary>
    internal static ForbiddenException Suspended() =>
        new("ACCOUNT_SUSPENDED", "This account is suspended. Contact support if you think this is a mistake.");
}

internal sealed class StartSessionHandler(
    IRepository<User> users, IRepository<RefreshToken> refreshTokens, ITokenService tokens, IRequestClient requestClient, IReadConsistency consistency, TimeProvider clock)
    : ICommandHandler<StartSessionCommand, TokenPair>
{
    public async ValueTask<TokenPair> Handle(StartSessionCommand command, CancellationToken cancellationToken)
    {
        var user = await users.GetByIdAsync(command.UserId, cancellationToken)
            ?? throw new UnauthorizedException("INVALID_CREDENTIALS", "The email or password is incorrect.");
        if (user.IsSuspended)
        {
            throw LoginHandler.Suspended(); // suspended while the password was being checked
        }

        var now = clock.GetUtcNow();
        if (command.NewPasswordHash is { } hash)
        {
            user.ChangePasswordHash(hash, now);
        }

        consistency.NoteWriteBy(user.Id);
        return await TokenIssuer.IssueAsync(user, familyId: Guid.CreateVersion7(), tokens, refreshTokens, requestClient.Client, now, cancellationToken);
    }
}

internal sealed class StorePasswordRehashHandler(IRepository<User> users, TimeProvider clock) : ICommandHandler<StorePasswordRehashCommand>
{
    public async ValueTask<Unit> Handle(StorePasswordRehashCommand command, CancellationToken cancellationToken)
    {
        if (await users.GetByIdAsync(command.UserId, cancellationToken) is { } user)
        {
            user.ChangePasswordHash(command.PasswordHash, clock.GetUtcNow());
        }

        return Unit.Value;
    }
}
