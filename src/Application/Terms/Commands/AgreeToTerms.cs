using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Auth.Commands;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Application.Users;
using LectureHub.Domain.Terms;
using LectureHub.Domain.Users;
using Mediator;

namespace LectureHub.Application.Terms.Commands;

/// <summary>
/// The signed-in user agrees to the terms in force (after a new version, or a social sign-up), or changes their
/// marketing choice. Answers a new access token for the same session that carries the agreement; the old one keeps
/// answering 403 TERMS_UPDATE_REQUIRED.
/// </summary>
public sealed record AgreeToTermsCommand(TermsAgreement? Terms) : ICommand<AccessTokenDto>;

internal sealed class AgreeToTermsValidator : AbstractValidator<AgreeToTermsCommand>
{
    public AgreeToTermsValidator(ITermsCatalog catalog) => RuleFor(c => c.Terms).AgreesToCurrent(catalog, fields: "");
}

internal sealed class AgreeToTermsHandler(
    IRepository<User> users, IRepository<TermsDecision> decisions, ITokenService tokens, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<AgreeToTermsCommand, AccessTokenDto>
{
    public async ValueTask<AccessTokenDto> Handle(AgreeToTermsCommand command, CancellationToken cancellationToken)
    {
        var user = await CurrentAccount.LoadAsync(users, currentUser, cancellationToken);
        var session = currentUser.SessionId ?? throw new UnauthorizedException("UNAUTHENTICATED", "Sign in again: this access token names no session.");
        await Agree(user, command.Terms!, decisions, clock.GetUtcNow(), cancellationToken);
        // The same sign-in moment as the token it replaces: agreeing to terms is not proof of identity.
        var access = tokens.CreateAccessToken(user, session, currentUser.AuthenticatedAt);
        return new AccessTokenDto(access.Token, access.ExpiresAt);
    }

    /// <summary>Records an agreement (validated against the versions in force) on the account and in its history; shared with sign-up.</summary>
    internal static Task Agree(User user, TermsAgreement terms, IRepository<TermsDecision> decisions, DateTimeOffset now, CancellationToken ct) =>
        decisions.AddRangeAsync(user.DecideTerms(terms.Service, terms.Privacy, terms.Marketing, now), ct);
}
