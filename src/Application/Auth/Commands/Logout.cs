using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Users;
using LectureHub.Domain.Users;
using Mediator;

namespace LectureHub.Application.Auth.Commands;

/// <summary>Ends the session the refresh token belongs to. Idempotent: an unknown or spent token is not an error.</summary>
public sealed record LogoutCommand(string RefreshToken) : ICommand;

internal sealed class LogoutValidator : AbstractValidator<LogoutCommand>
{
    public LogoutValidator() => RuleFor(c => c.RefreshToken).NotEmpty().MaximumLength(200);
}

internal sealed class LogoutHandler(IRepository<RefreshToken> refreshTokens, ITokenService tokens, TimeProvider clock)
    : ICommandHandler<LogoutCommand>
{
    public async ValueTask<Unit> Handle(LogoutCommand command, CancellationToken cancellationToken)
    {
        var token = await refreshTokens.SingleOrDefaultAsync(new RefreshTokenByHashSpec(tokens.HashToken(command.RefreshToken)), cancellationToken);
        if (token is not null)
        {
            await Sessions.RevokeAsync(refreshTokens, token.FamilyId, "logout", clock.GetUtcNow(), cancellationToken);
        }

        return Unit.Value;
    }
}
