using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Application.Users;
using LectureHub.Domain.Users;
using Mediator;

namespace LectureHub.Application.Auth.Commands;

/// <summary>
/// Sets a new password with an emailed reset link. A workflow: the link is checked before the password is hashed (a
/// bad link costs no hash), then <see cref="CompletePasswordResetCommand"/> spends the link, stores the hash, marks the
/// email verified (the link proved control of it) and ends every session of the account.
/// </summary>
public sealed record ResetPasswordWorkflow(string Token, string NewPassword) : IWorkflow<Unit>;

public sealed record CompletePasswordResetCommand(string Token, string PasswordHash) : ICommand;

internal sealed class ResetPasswordValidator : AbstractValidator<ResetPasswordWorkflow>
{
    public ResetPasswordValidator()
    {
        RuleFor(c => c.Token).NotEmpty().MaximumLength(AccountLinks.MaxValueLength);
        RuleFor(c => c.NewPassword).ValidNewPassword();
    }
}

internal sealed class ResetPasswordHandler(IRepository<AccountToken> links, ITokenService tokens, IPasswordHasher hasher, ISender sender, TimeProvider clock)
    : IWorkflowHandler<ResetPasswordWorkflow, Unit>
{
    public async ValueTask<Unit> Handle(ResetPasswordWorkflow workflow, CancellationToken cancellationToken)
    {
        _ = await AccountLinks.FindUsableAsync(links, tokens, workflow.Token, clock.GetUtcNow(), cancellationToken, AccountTokenPurpose.ResetPassword)
            ?? throw Invalid();
        var command = new CompletePasswordResetCommand(workflow.Token, await hasher.HashAsync(workflow.NewPassword, cancellationToken));
        try
        {
            return await sender.Send(command, cancellationToken);
        }
        catch (ConflictException ex) when (ex.Code == "CONCURRENCY_CONFLICT")
        {
            // The same link used twice at once: the retry finds it spent and is refused.
            return await sender.Send(command, cancellationToken);
        }
    }

    internal static UnprocessableException Invalid() =>
        new("RESET_TOKEN_INVALID", "This password-reset link is invalid, has expired or was already used. Ask for a new one.");
}

internal sealed class CompletePasswordResetHandler(
    IRepository<AccountToken> links, IRepository<User> users, IRepository<RefreshToken> refreshTokens, ITokenService tokens, TimeProvider clock)
    : ICommandHandler<CompletePasswordResetCommand>
{
    public async ValueTask<Unit> Handle(CompletePasswordResetCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var link = await AccountLinks.FindUsableAsync(links, tokens, command.Token, now, cancellationToken, AccountTokenPurpose.ResetPassword)
                   ?? throw ResetPasswordHandler.Invalid();
        var user = await users.GetByIdAsync(link.UserId, cancellationToken) ?? throw ResetPasswordHandler.Invalid();
        link.Use(now);
        user.ChangePasswordHash(command.PasswordHash, now);
        user.VerifyEmail(now);
        await Sessions.RevokeAllAsync(refreshTokens, user.Id, keep: null, "password reset", now, cancellationToken);
        return Unit.Value;
    }
}
