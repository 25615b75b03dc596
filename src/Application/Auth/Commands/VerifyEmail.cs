using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Application.Users;
using LectureHub.Domain.Users;
using Mediator;

namespace LectureHub.Application.Auth.Commands;

/// <summary>
/// Confirms the account's email with the emailed link (24 hours, single use), or, with an email change link, makes
/// the address it was sent to the account's. Needs no sign-in: the link is the proof.
/// </summary>
public sealed record VerifyEmailCommand(string Token) : ICommand;

/// <summary>
/// The signed-in user asks to use another address (or, after a social sign-up without one, a first real one): a
/// link goes to that address, and the account's email changes when it is opened. Needs a recent step-up.
/// </summary>
public sealed record ChangeEmailCommand(string Email) : ICommand;

/// <summary>Emails the signed-in user a new verification link; earlier links stop working.</summary>
public sealed record RequestEmailVerificationCommand : ICommand;

internal sealed class VerifyEmailValidator : AbstractValidator<VerifyEmailCommand>
{
    public VerifyEmailValidator() => RuleFor(c => c.Token).NotEmpty().MaximumLength(AccountLinks.MaxValueLength);
}

internal sealed class VerifyEmailHandler(IRepository<AccountToken> links, IRepository<User> users, ITokenService tokens, IReadConsistency consistency, TimeProvider clock)
    : ICommandHandler<VerifyEmailCommand>
{
    public async ValueTask<Unit> Handle(VerifyEmailCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var link = await AccountLinks.FindUsableAsync(links, tokens, command.Token, now, cancellationToken, AccountTokenPurpose.VerifyEmail, AccountTokenPurpose.ChangeEmail)
            ?? throw Invalid();
        var user = await users.GetByIdAsync(link.UserId, cancellationToken) is { DeletedAt: null } found ? found : throw Invalid();
        link.Use(now);
        if (link.NewEmail is { } newEmail)
        {
            // Taken since the link was sent: the unique index refuses a race the same way (EMAIL_TAKEN).
            if (await users.AnyAsync(new UserByEmailSpec(newEmail), cancellationToken))
            {
                throw RegisterHandler.EmailTaken();
            }

            user.ChangeEmail(newEmail, now);
        }
        else
        {
            user.VerifyEmail(now);
        }

        consistency.NoteWriteBy(user.Id);
        return Unit.Value;
    }

    private static UnprocessableException Invalid() =>
        new("VERIFICATION_TOKEN_INVALID", "This verification link is invalid, has expired or was already used. Ask for a new one.");
}

internal sealed class RequestEmailVerificationHandler(
    IRepository<User> users, IRepository<AccountToken> links, ITokenService tokens, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RequestEmailVerificationCommand>
{
    public async ValueTask<Unit> Handle(RequestEmailVerificationCommand command, CancellationToken cancellationToken)
    {
        var user = await CurrentAccount.LoadAsync(users, currentUser, cancellationToken);
        if (user.EmailVerifiedAt is not null)
        {
            throw new ConflictException("EMAIL_ALREADY_VERIFIED", "This account's email is already verified.");
        }

        if (!await AccountLinks.IssueAsync(links, tokens, user.Id, AccountTokenPurpose.VerifyEmail, clock.GetUtcNow(), cancellationToken))
        {
            throw new TooManyRequestsException(
                "EMAIL_LIMIT_REACHED", $"At most {AccountToken.MaxIssuedPerWindow} verification emails an hour; use the newest one or try later.", AccountToken.IssueWindow);
        }

        return Unit.Value;
    }
}

internal sealed class ChangeEmailValidator : AbstractValidator<ChangeEmailCommand>
{
    public ChangeEmailValidator() => RuleFor(c => c.Email).ValidEmail();
}

internal sealed class ChangeEmailHandler(
    IRepository<User> users, IRepository<AccountToken> links, ITokenService tokens, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<ChangeEmailCommand>
{
    public async ValueTask<Unit> Handle(ChangeEmailCommand command, CancellationToken cancellationToken)
    {
        StepUp.Require(currentUser, clock);
        var user = await CurrentAccount.LoadAsync(users, currentUser, cancellationToken);
        if (user.NormalizedEmail == User.Normalize(command.Email))
        {
            throw new ConflictException("EMAIL_UNCHANGED", "That is this account's address already.");
        }

        if (await users.AnyAsync(new UserByEmailSpec(command.Email), cancellationToken))
        {
            throw RegisterHandler.EmailTaken();
        }

        if (!await AccountLinks.IssueAsync(links, tokens, user.Id, AccountTokenPurpose.ChangeEmail, clock.GetUtcNow(), cancellationToken, newEmail: command.Email))
        {
            throw new TooManyRequestsException(
                "EMAIL_LIMIT_REACHED", $"At most {AccountToken.MaxIssuedPerWindow} email change links an hour; use the newest one or try later.", AccountToken.IssueWindow);
        }

        return Unit.Value;
    }
}
