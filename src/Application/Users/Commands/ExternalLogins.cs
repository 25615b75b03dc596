using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Auth;
using LectureHub.Application.Auth.Commands;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Application.Users.Queries;
using LectureHub.Domain.Users;
using Mediator;

namespace LectureHub.Application.Users.Commands;

/// <summary>
/// The signed-in user links a social identity explicitly (needs a recent step-up: a link is a new way in), with the
/// ticket of a web round trip started with intent=link.
/// </summary>
public sealed record LinkExternalLoginWorkflow(string Ticket) : IWorkflow<ExternalLoginDto>;

/// <summary>The same from a mobile app, with the provider's ID token and nonce, or code and verifier.</summary>
public sealed record LinkExternalTokenWorkflow(string Provider, string? IdToken, string? Nonce, string? Code, string? CodeVerifier, string? RedirectUri)
    : IWorkflow<ExternalLoginDto>, IExternalProof;

/// <summary>Sent by the link workflows once the caller stepped up and the identity is verified.</summary>
public sealed record LinkExternalLoginCommand(ExternalIdentity Identity) : ICommand<ExternalLoginDto>;

/// <summary>Removes a provider from the account; refused for its last way to sign in (no password and no other provider).</summary>
public sealed record UnlinkExternalLoginCommand(string Provider) : ICommand;

internal sealed class LinkExternalLoginValidator : AbstractValidator<LinkExternalLoginWorkflow>
{
    public LinkExternalLoginValidator() => RuleFor(c => c.Ticket).NotEmpty().MaximumLength(100);
}

internal sealed class LinkExternalTokenValidator : AbstractValidator<LinkExternalTokenWorkflow>
{
    public LinkExternalTokenValidator() => ExternalProofs.Rules(this);
}

internal sealed class LinkExternalLoginHandler(IExternalSignInStore store, ICurrentUser currentUser, ISender sender, TimeProvider clock)
    : IWorkflowHandler<LinkExternalLoginWorkflow, ExternalLoginDto>
{
    public async ValueTask<ExternalLoginDto> Handle(LinkExternalLoginWorkflow workflow, CancellationToken cancellationToken)
    {
        StepUp.Require(currentUser, clock); // before the ticket is spent, so a refusal costs no second round trip
        return await sender.Send(new LinkExternalLoginCommand(await ExternalSignIns.TakeTicketAsync(store, workflow.Ticket, cancellationToken)), cancellationToken);
    }
}

internal sealed class LinkExternalTokenHandler(IExternalIdentities identities, ICurrentUser currentUser, ISender sender, TimeProvider clock)
    : IWorkflowHandler<LinkExternalTokenWorkflow, ExternalLoginDto>
{
    public async ValueTask<ExternalLoginDto> Handle(LinkExternalTokenWorkflow workflow, CancellationToken cancellationToken)
    {
        StepUp.Require(currentUser, clock);
        return await sender.Send(new LinkExternalLoginCommand(await ExternalProofs.VerifyAsync(identities, workflow, cancellationToken)), cancellationToken);
    }
}

internal sealed class LinkExternalLoginCommandHandler(IRepository<ExternalLogin> logins, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<LinkExternalLoginCommand, ExternalLoginDto>
{
    public async ValueTask<ExternalLoginDto> Handle(LinkExternalLoginCommand command, CancellationToken cancellationToken)
    {
        var identity = command.Identity;
        var userId = currentUser.RequiredUserId;
        if (await logins.SingleOrDefaultAsync(new ExternalLoginSpec(identity.Provider, identity.Subject), cancellationToken) is { } existing)
        {
            return existing.UserId == userId
                ? ExternalLoginDto.From(existing)
                : throw new ConflictException("EXTERNAL_LOGIN_TAKEN", $"This {identity.Provider} account signs in to another LectureHub account; unlink it there first.");
        }

        if ((await logins.ListAsync(new ExternalLoginsOfUserSpec(userId), cancellationToken)).Any(l => l.Provider == identity.Provider))
        {
            throw new ConflictException("PROVIDER_ALREADY_LINKED", $"Another {identity.Provider} account is linked already; unlink it first.");
        }

        return ExternalLoginDto.From(await logins.AddAsync(ExternalLogin.Link(userId, identity.Provider, identity.Subject, identity.Email, clock.GetUtcNow()), cancellationToken));
    }
}

internal sealed class UnlinkExternalLoginHandler(IRepository<User> users, IRepository<ExternalLogin> logins, ICurrentUser currentUser)
    : ICommandHandler<UnlinkExternalLoginCommand>
{
    public async ValueTask<Unit> Handle(UnlinkExternalLoginCommand command, CancellationToken cancellationToken)
    {
        var user = await CurrentAccount.LoadAsync(users, currentUser, cancellationToken);
        var linked = await logins.ListAsync(new ExternalLoginsOfUserSpec(user.Id), cancellationToken);
        var login = linked.SingleOrDefault(l => l.Provider == command.Provider)
            ?? throw new NotFoundException("EXTERNAL_LOGIN_NOT_FOUND", $"No {command.Provider} sign-in is linked to this account.");
        if (!user.HasPassword && linked.Count == 1)
        {
            throw new ConflictException(
                "LAST_SIGN_IN_METHOD", $"{command.Provider} is this account's only way to sign in: set a password (a reset link by email) or link another provider first.");
        }

        logins.Delete(login);
        return Unit.Value;
    }
}

internal sealed class UnlinkExternalLoginValidator : AbstractValidator<UnlinkExternalLoginCommand>
{
    public UnlinkExternalLoginValidator() => RuleFor(c => c.Provider).NotEmpty().MaximumLength(20);
}
