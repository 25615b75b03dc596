using FluentValidation;
using LectureHub.Application.Abstractions;
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

internal sealed class RefreshTokensValidator : AbstractValidator<RefreshTokensCommand>
{
    public RefreshTokensValidator() => RuleFor(c => c.RefreshToken).NotEmpty().MaximumLength(200);
}

internal sealed class RefreshTokensHandler(
    IRepository<User> users,
    IRepository<RefreshToken> refreshTokens,
    ITokenService tokens,
    TimeProvider clock) : ICommandHandler<RefreshTokensCommand, RefreshOutcome>
{
    public async ValueTask<RefreshOutcome> Handle(RefreshTokensCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var presented = await refreshTokens.SingleOrDefaultAsync(new RefreshTokenByHashSpec(tokens.HashRefreshToken(command.RefreshToken)), cancellationToken);
        if (presented is null)
        {
            return RefreshOutcome.Rejected("REFRESH_TOKEN_INVALID");
        }

        if (presented.IsSpent)
        {
            await RevokeFamilyAsync(refreshTokens, presented.FamilyId, "reuse detected", now, cancellationToken);
            return RefreshOutcome.Rejected("REFRESH_TOKEN_REUSED");
        }

        if (presented.IsExpired(now))
        {
            return RefreshOutcome.Rejected("REFRESH_TOKEN_EXPIRED");
        }

        var user = await users.GetByIdAsync(presented.UserId, cancellationToken);
        if (user is null)
        {
            return RefreshOutcome.Rejected("REFRESH_TOKEN_INVALID");
        }

        var value = tokens.CreateRefreshToken();
        var next = await refreshTokens.AddAsync(presented.Rotate(value.Hash, now, tokens.RefreshTokenLifetime), cancellationToken);
        return new RefreshOutcome(TokenIssuer.Pair(user, tokens, value, next), null);
    }

    internal static async Task RevokeFamilyAsync(
        IRepository<RefreshToken> refreshTokens, Guid familyId, string reason, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var token in await refreshTokens.ListAsync(new ActiveRefreshTokensInFamilySpec(familyId), ct))
        {
            token.Revoke(reason, now);
        }
    }
}
