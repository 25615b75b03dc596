using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Application.Users;
using LectureHub.Domain.Users;
using Mediator;

namespace LectureHub.Application.Auth.Commands;

public sealed record RefreshTokensCommand(string RefreshToken) : ICommand<RefreshOutcome>;

/// <summary>
/// Either new tokens or the reason for refusal. A refusal is a result, not an exception, because revoking a
/// reused token's family must commit even though the caller is turned away.
/// </summary>
public sealed record RefreshOutcome(TokenPair? Tokens, string? RejectionCode)
{
    public static RefreshOutcome Rejected(string code) => new(null, code);
}

/// <summary>
/// Refreshes a session, surviving a race with itself: when two requests rotate one token at once, the loser's
/// commit conflicts, and its retry finds the token just rotated (within the grace window) and answers with the same
/// successor. Eight tabs refreshing together all stay signed in.
/// </summary>
public sealed record RefreshSessionWorkflow(string RefreshToken) : IWorkflow<RefreshOutcome>;

internal sealed class RefreshTokensValidator : AbstractValidator<RefreshTokensCommand>
{
    public RefreshTokensValidator() => RuleFor(c => c.RefreshToken).NotEmpty().MaximumLength(200);
}

internal sealed class RefreshSessionValidator : AbstractValidator<RefreshSessionWorkflow>
{
    public RefreshSessionValidator() => RuleFor(c => c.RefreshToken).NotEmpty().MaximumLength(200);
}

internal sealed class RefreshSessionHandler(ISender sender) : IWorkflowHandler<RefreshSessionWorkflow, RefreshOutcome>
{
    public async ValueTask<RefreshOutcome> Handle(RefreshSessionWorkflow workflow, CancellationToken cancellationToken)
    {
        var command = new RefreshTokensCommand(workflow.RefreshToken);
        try
        {
            return await sender.Send(command, cancellationToken);
        }
        catch (ConflictException ex) when (ex.Code is "CONCURRENCY_CONFLICT" or "DUPLICATE")
        {
            // Another request rotated this token first; now it is a rotated token within its grace window.
            return await sender.Send(command, cancellationToken);
        }
    }
}

internal sealed class RefreshTokensHandler(
    IRepository<User> users,
    IRepository<RefreshToken> refreshTokens,
    ITokenService tokens,
    IRequestClient requestClient,
    TimeProvider clock) : ICommandHandler<RefreshTokensCommand, RefreshOutcome>
{
    public async ValueTask<RefreshOutcome> Handle(RefreshTokensCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var presented = await refreshTokens.SingleOrDefaultAsync(new RefreshTokenByHashSpec(tokens.HashToken(command.RefreshToken)), cancellationToken);
        if (presented is null)
        {
            return RefreshOutcome.Rejected("REFRESH_TOKEN_INVALID");
        }

        var user = await users.GetByIdAsync(presented.UserId, cancellationToken);
        if (user is null)
        {
            return RefreshOutcome.Rejected("REFRESH_TOKEN_INVALID");
        }

        if (user.IsSuspended)
        {
            return RefreshOutcome.Rejected("ACCOUNT_SUSPENDED");
        }

        var successor = tokens.SuccessorOf(command.RefreshToken);
        if (presented.IsWithinReuseGrace(now))
        {
            var next = await refreshTokens.GetByIdAsync(presented.ReplacedById!.Value, cancellationToken);
            // The successor must still be live (not logged out), or itself just rotated by this same client.
            return next is not null && next.TokenHash == successor.Hash && (!next.IsSpent || next.IsWithinReuseGrace(now))
                ? new RefreshOutcome(TokenIssuer.Pair(user, tokens, successor, next), null)
                : RefreshOutcome.Rejected("REFRESH_TOKEN_REUSED");
        }

        if (presented.IsSpent)
        {
            await Sessions.RevokeAsync(refreshTokens, presented.FamilyId, "reuse detected", now, cancellationToken);
            return RefreshOutcome.Rejected("REFRESH_TOKEN_REUSED");
        }

        if (presented.IsExpired(now))
        {
            return RefreshOutcome.Rejected("REFRESH_TOKEN_EXPIRED");
        }

        var rotated = await refreshTokens.AddAsync(presented.Rotate(successor.Hash, now, tokens.RefreshTokenLifetime, requestClient.Client), cancellationToken);
        return new RefreshOutcome(TokenIssuer.Pair(user, tokens, successor, rotated), null);
    }
}
