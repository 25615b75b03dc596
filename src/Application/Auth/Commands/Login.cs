using System.Text.Json.Serialization;
using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Application.Users;
using LectureHub.Domain.Users;
using Mediator;

namespace LectureHub.Application.Auth.Commands;

/// <summary>
/// <see cref="Source"/> is the client's address and <see cref="DeviceToken"/> the device marker it holds, both set
/// by the endpoint from the connection and a cookie, never from the body.
/// </summary>
public sealed record LoginCommand(string Email, string Password) : ICommand<SignedIn>
{
    [JsonIgnore]
    public string? Source { get; init; }

    [JsonIgnore]
    public string? DeviceToken { get; init; }
}

/// <summary>The session's tokens, and the device marker to keep for the next sign-in to this account.</summary>
public sealed record SignedIn(TokenPair Tokens, string DeviceToken);

internal sealed class LoginValidator : AbstractValidator<LoginCommand>
{
    public LoginValidator()
    {
        RuleFor(c => c.Email).NotEmpty().MaximumLength(User.MaxEmailLength);
        RuleFor(c => c.Password).NotEmpty().MaximumLength(UserRules.MaxPasswordLength);
    }
}

internal sealed class LoginHandler(
    IRepository<User> users,
    IRepository<RefreshToken> refreshTokens,
    IPasswordHasher hasher,
    ITokenService tokens,
    ILoginThrottle throttle,
    IReadConsistency consistency,
    TimeProvider clock) : ICommandHandler<LoginCommand, SignedIn>
{
    // Verifying against a real hash when the account does not exist keeps the response time from revealing which emails exist.
    private static string? decoyHash;

    public async ValueTask<SignedIn> Handle(LoginCommand command, CancellationToken cancellationToken)
    {
        var email = User.Normalize(command.Email);
        var user = await users.SingleOrDefaultAsync(new UserByEmailSpec(email), cancellationToken);
        var device = user is not null && command.DeviceToken is { } marker ? tokens.DeviceOf(marker, user.Id) : null;
        var source = device is { } known ? $"device:{known:N}" : $"ip:{command.Source ?? "unknown"}";
        var gate = await throttle.CheckAsync(email, source, knownDevice: device is not null, cancellationToken);
        if (gate.RetryAfter is { } wait)
        {
            throw new TooManyRequestsException("LOGIN_THROTTLED", "Too many failed sign-ins to this account from here. Try again later.", wait);
        }

        if (gate.Delay > TimeSpan.Zero)
        {
            await Task.Delay(gate.Delay, clock, cancellationToken);
        }

        var check = await hasher.VerifyAsync(user?.PasswordHash ?? (decoyHash ??= await hasher.HashAsync(Guid.NewGuid().ToString(), cancellationToken)), command.Password, cancellationToken);
        if (user is null || check == PasswordCheck.Failed)
        {
            await throttle.RecordFailureAsync(email, source, cancellationToken);
            throw new UnauthorizedException("INVALID_CREDENTIALS", "The email or password is incorrect.");
        }

        await throttle.ResetAsync(email, source, cancellationToken);
        consistency.NoteWriteBy(user.Id);
        var now = clock.GetUtcNow();
        if (check == PasswordCheck.SuccessRehashNeeded)
        {
            user.ChangePasswordHash(await hasher.HashAsync(command.Password, cancellationToken), now);
        }

        var pair = await TokenIssuer.IssueAsync(user, familyId: Guid.CreateVersion7(), tokens, refreshTokens, now, cancellationToken);
        return new SignedIn(pair, device is null ? tokens.CreateDeviceToken(user.Id) : command.DeviceToken!);
    }
}
