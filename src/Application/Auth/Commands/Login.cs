using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Application.Users;
using LectureHub.Domain.Users;
using Mediator;

namespace LectureHub.Application.Auth.Commands;

public sealed record LoginCommand(string Email, string Password) : ICommand<TokenPair>;

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
    TimeProvider clock) : ICommandHandler<LoginCommand, TokenPair>
{
    // Verifying against a real hash when the account does not exist keeps the response time from revealing which emails exist.
    private static string? decoyHash;

    public async ValueTask<TokenPair> Handle(LoginCommand command, CancellationToken cancellationToken)
    {
        var email = User.Normalize(command.Email);
        if (await throttle.RetryAfterAsync(email, cancellationToken) is { } wait)
        {
            throw new TooManyRequestsException("LOGIN_THROTTLED", "Too many failed logins for this account. Try again later.", wait);
        }

        var user = await users.SingleOrDefaultAsync(new UserByEmailSpec(email), cancellationToken);
        var check = hasher.Verify(user?.PasswordHash ?? (decoyHash ??= hasher.Hash(Guid.NewGuid().ToString())), command.Password);
        if (user is null || check == PasswordCheck.Failed)
        {
            await throttle.RecordFailureAsync(email, cancellationToken);
            throw new UnauthorizedException("INVALID_CREDENTIALS", "The email or password is incorrect.");
        }

        await throttle.ResetAsync(email, cancellationToken);
        consistency.NoteWriteBy(user.Id);
        var now = clock.GetUtcNow();
        if (check == PasswordCheck.SuccessRehashNeeded)
        {
            user.ChangePasswordHash(hasher.Hash(command.Password), now);
        }

        return await TokenIssuer.IssueAsync(user, familyId: Guid.CreateVersion7(), tokens, refreshTokens, now, cancellationToken);
    }
}
