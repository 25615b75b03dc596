using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Application.Users;
using LectureHub.Domain.Users;
using Mediator;

namespace LectureHub.Application.Auth.Commands;

/// <summary>Confirms the account's email with the emailed link (24 hours, single use). Needs no sign-in: the link is the proof.</summary>
public sealed record VerifyEmailCommand(string Token) : ICommand;

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
        var link = await AccountLinks.FindUsableAsync(links, tokens, command.Token, AccountTokenPurpose.VerifyEmail, now, cancellationToken) ?? throw Invalid();
        var user = await users.GetByIdAsync(link.UserId, cancellationToken) ?? throw Invalid();
        link.Use(now);
        user.VerifyEmail(now);
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
