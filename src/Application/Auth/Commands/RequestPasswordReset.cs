using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Users;
using LectureHub.Domain.Users;
using Mediator;

namespace LectureHub.Application.Auth.Commands;

/// <summary>
/// Emails a password-reset link (30 minutes, single use) if an account has this email. The answer is the same either
/// way, and the same past the per-account limit of links, so it reveals nothing about which accounts exist.
/// </summary>
public sealed record RequestPasswordResetCommand(string Email) : ICommand;

internal sealed class RequestPasswordResetValidator : AbstractValidator<RequestPasswordResetCommand>
{
    public RequestPasswordResetValidator() => RuleFor(c => c.Email).ValidEmail();
}

internal sealed class RequestPasswordResetHandler(IRepository<User> users, IRepository<AccountToken> links, ITokenService tokens, TimeProvider clock)
    : ICommandHandler<RequestPasswordResetCommand>
{
    public async ValueTask<Unit> Handle(RequestPasswordResetCommand command, CancellationToken cancellationToken)
    {
        if (await users.SingleOrDefaultAsync(new UserByEmailSpec(command.Email), cancellationToken) is { DeletedAt: null } user)
        {
            await AccountLinks.IssueAsync(links, tokens, user.Id, AccountTokenPurpose.ResetPassword, clock.GetUtcNow(), cancellationToken);
        }

        return Unit.Value;
    }
}
