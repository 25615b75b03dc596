using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Application.Terms;
using LectureHub.Application.Users;
using LectureHub.Domain.Users;
using Mediator;

namespace LectureHub.Application.Auth.Commands;

/// <summary>What the web app meant by starting a provider round trip: to sign in, or to link the provider to the signed-in account.</summary>
public static class ExternalSignInIntent
{
    public const string SignIn = "signin";
    public const string Link = "link";

    public static bool IsKnown(string? intent) => intent is SignIn or Link;
}

/// <summary>The web flow's first step: a pending authorization (state, PKCE verifier, nonce) kept for 10 minutes, and the provider URL to send the browser to.</summary>
public sealed record StartExternalSignInWorkflow(string Provider, string? Intent) : IWorkflow<ExternalSignInStart>;

public sealed record ExternalSignInStart(Uri AuthorizationUrl, string State)
{
    /// <summary>How long the pending authorization (and the browser's state cookie) lasts.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
}

/// <summary>
/// The provider's redirect back: the state must be the one this browser started (its cookie) and still pending (each
/// state works once), then the code is redeemed and the identity verified. Answers a ticket for the web app, or the
/// error code; never an account, so a stolen callback URL signs nobody in.
/// </summary>
public sealed record CompleteExternalAuthorizationWorkflow(string Provider, string? Code, string? State, string? Error, string? BrowserState)
    : IWorkflow<ExternalCallback>;

public sealed record ExternalCallback(string Intent, string? Ticket, string? ErrorCode);

/// <summary>The web app trades the callback's ticket (single use, 2 minutes) for a sign-in.</summary>
public sealed record RedeemExternalTicketWorkflow(string Ticket) : IWorkflow<ExternalSignedIn>;

/// <summary>
/// The mobile flow: the app ran the provider's SDK itself and hands over either the ID token with the nonce it sent
/// (Kakao, Google), or the authorization code with its PKCE verifier and redirect URI (any provider; Naver has no ID token).
/// </summary>
public sealed record ExternalTokenSignInWorkflow(string Provider, string? IdToken, string? Nonce, string? Code, string? CodeVerifier, string? RedirectUri)
    : IWorkflow<ExternalSignedIn>, IExternalProof;

/// <summary>
/// A social sign-in: the tokens (or, for an account with two-factor on, the challenge of the second step), and what
/// the app should ask next: an email (<paramref name="EmailRequired"/>) and agreement to the terms (<paramref name="TermsRequired"/>).
/// </summary>
public sealed record ExternalSignedIn(TokenPair? Tokens, TwoFactorChallenge? Challenge, bool NewAccount, bool EmailRequired, bool TermsRequired);

/// <summary>
/// Finds the account of a verified identity, in one transaction: the account linked to it; else, when the provider
/// verified the email, the account with that email (now linked, and its email counted as verified) or a new one
/// with it; else a new account without an email. Never links by an unverified email.
/// </summary>
public sealed record ResolveExternalAccountCommand(ExternalIdentity Identity) : ICommand<ResolvedAccount>;

public sealed record ResolvedAccount(Guid UserId, bool NewAccount, bool HasTwoFactor, bool EmailRequired, string TermsClaim);

/// <summary>What the mobile flows send: an ID token and its nonce, or a code and its verifier.</summary>
public interface IExternalProof
{
    string Provider { get; }

    string? IdToken { get; }

    string? Nonce { get; }

    string? Code { get; }

    string? CodeVerifier { get; }

    string? RedirectUri { get; }
}

internal static class ExternalProofs
{
    public const int MaxTokenLength = 8192;

    /// <summary>The two shapes of <see cref="IExternalProof"/>, and RFC 7636's verifier of 43 to 128 characters.</summary>
    public static void Rules<T>(AbstractValidator<T> validator)
        where T : IExternalProof
    {
        validator.RuleFor(c => c.Provider).NotEmpty().MaximumLength(20);
        validator.RuleFor(c => c).Must(c => (c.IdToken is null) != (c.Code is null))
            .WithName("idToken").WithMessage("Send either idToken (with nonce) or code (with codeVerifier).");
        validator.RuleFor(c => c.IdToken).MaximumLength(MaxTokenLength);
        validator.RuleFor(c => c.Nonce).NotEmpty().MaximumLength(200).When(c => c.IdToken is not null)
            .WithMessage("Send the nonce the app gave the provider: an ID token is accepted only for the sign-in it was issued to.");
        validator.RuleFor(c => c.Code).MaximumLength(2048);
        validator.RuleFor(c => c.CodeVerifier).NotEmpty().Length(43, 128).When(c => c.Code is not null);
        validator.RuleFor(c => c.RedirectUri).MaximumLength(2048);
    }

    public static Task<ExternalIdentity> VerifyAsync(IExternalIdentities identities, IExternalProof proof, CancellationToken ct) =>
        proof.IdToken is { } idToken
            ? identities.VerifyIdTokenAsync(proof.Provider, idToken, proof.Nonce, ct)
            : identities.RedeemCodeAsync(proof.Provider, proof.Code!, proof.CodeVerifier!, proof.RedirectUri, nonce: null, ct);

    public static string Random(int bytes) => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(bytes));

    public static bool SameSecret(string a, string b) => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}

internal sealed class StartExternalSignInValidator : AbstractValidator<StartExternalSignInWorkflow>
{
    public StartExternalSignInValidator()
    {
        RuleFor(c => c.Provider).NotEmpty().MaximumLength(20);
        RuleFor(c => c.Intent).Must(i => i is null || ExternalSignInIntent.IsKnown(i)).WithMessage("'intent' is signin or link.");
    }
}

internal sealed class ExternalTokenSignInValidator : AbstractValidator<ExternalTokenSignInWorkflow>
{
    public ExternalTokenSignInValidator() => ExternalProofs.Rules(this);
}

internal sealed class RedeemExternalTicketValidator : AbstractValidator<RedeemExternalTicketWorkflow>
{
    public RedeemExternalTicketValidator() => RuleFor(c => c.Ticket).NotEmpty().MaximumLength(100);
}

internal sealed class StartExternalSignInHandler(IExternalIdentities identities, IExternalSignInStore store)
    : IWorkflowHandler<StartExternalSignInWorkflow, ExternalSignInStart>
{
    public async ValueTask<ExternalSignInStart> Handle(StartExternalSignInWorkflow workflow, CancellationToken cancellationToken)
    {
        var state = ExternalProofs.Random(32);
        var verifier = ExternalProofs.Random(32);
        var nonce = workflow.Provider == ExternalProviders.Naver ? null : ExternalProofs.Random(16);
        var challenge = Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var url = await identities.AuthorizationUrlAsync(workflow.Provider, state, nonce, challenge, cancellationToken);
        await store.SaveAuthorizationAsync(state, new PendingAuthorization(workflow.Provider, verifier, nonce, workflow.Intent ?? ExternalSignInIntent.SignIn), ExternalSignInStart.Lifetime, cancellationToken);
        return new ExternalSignInStart(url, state);
    }
}

internal sealed class CompleteExternalAuthorizationHandler(IExternalIdentities identities, IExternalSignInStore store)
    : IWorkflowHandler<CompleteExternalAuthorizationWorkflow, ExternalCallback>
{
    public static readonly TimeSpan TicketLifetime = TimeSpan.FromMinutes(2);

    public async ValueTask<ExternalCallback> Handle(CompleteExternalAuthorizationWorkflow workflow, CancellationToken cancellationToken)
    {
        // Only the browser that started the sign-in may finish it (its cookie holds the state): a login CSRF needs both.
        if (workflow.State is not { Length: > 0 and <= 100 } state || workflow.BrowserState is not { } browser || !ExternalProofs.SameSecret(state, browser))
        {
            return new ExternalCallback(ExternalSignInIntent.SignIn, null, "OAUTH_STATE_INVALID");
        }

        if (await store.TakeAuthorizationAsync(state, cancellationToken) is not { } pending || pending.Provider != workflow.Provider)
        {
            return new ExternalCallback(ExternalSignInIntent.SignIn, null, "OAUTH_STATE_INVALID"); // replayed, expired, or another provider's
        }

        if (workflow.Error is not null || workflow.Code is not { Length: > 0 and <= 2048 } code)
        {
            return new ExternalCallback(pending.Intent, null, workflow.Error is "access_denied" ? "OAUTH_DENIED" : "OAUTH_CODE_INVALID");
        }

        try
        {
            var identity = await identities.RedeemCodeAsync(workflow.Provider, code, pending.CodeVerifier, redirectUri: null, pending.Nonce, cancellationToken);
            var ticket = ExternalProofs.Random(32);
            await store.SaveTicketAsync(ticket, identity, TicketLifetime, cancellationToken);
            return new ExternalCallback(pending.Intent, ticket, null);
        }
        catch (AppException ex) when (ex is UnauthorizedException or ServiceUnavailableException)
        {
            // The browser is on its way back to the web app: the refusal goes there, named by its code.
            return new ExternalCallback(pending.Intent, null, ex.Code);
        }
    }
}

internal sealed class RedeemExternalTicketHandler(IExternalSignInStore store, ExternalSignIns signIns) : IWorkflowHandler<RedeemExternalTicketWorkflow, ExternalSignedIn>
{
    public async ValueTask<ExternalSignedIn> Handle(RedeemExternalTicketWorkflow workflow, CancellationToken cancellationToken) =>
        await signIns.SignInAsync(await ExternalSignIns.TakeTicketAsync(store, workflow.Ticket, cancellationToken), cancellationToken);
}

internal sealed class ExternalTokenSignInHandler(IExternalIdentities identities, ExternalSignIns signIns) : IWorkflowHandler<ExternalTokenSignInWorkflow, ExternalSignedIn>
{
    public async ValueTask<ExternalSignedIn> Handle(ExternalTokenSignInWorkflow workflow, CancellationToken cancellationToken) =>
        await signIns.SignInAsync(await ExternalProofs.VerifyAsync(identities, workflow, cancellationToken), cancellationToken);
}

/// <summary>The part of a social sign-in after the identity is verified, shared by the web and mobile flows.</summary>
internal sealed class ExternalSignIns(ISender sender, ITokenService tokens, ITermsCatalog terms, TimeProvider clock)
{
    public static async Task<ExternalIdentity> TakeTicketAsync(IExternalSignInStore store, string ticket, CancellationToken ct) =>
        await store.TakeTicketAsync(ticket, ct)
        ?? throw new UnauthorizedException("OAUTH_TICKET_INVALID", "The sign-in ticket expired (2 minutes) or was used already; sign in with the provider again.");

    public async Task<ExternalSignedIn> SignInAsync(ExternalIdentity identity, CancellationToken ct)
    {
        ResolvedAccount account;
        try
        {
            account = await sender.Send(new ResolveExternalAccountCommand(identity), ct);
        }
        catch (ConflictException ex) when (ex.Code is "EXTERNAL_LOGIN_TAKEN" or "EMAIL_TAKEN")
        {
            // A first sign-in with the same identity committed its new account (and its address) a moment ago: this one finds it.
            account = await sender.Send(new ResolveExternalAccountCommand(identity), ct);
        }

        var termsRequired = !(await terms.CurrentAsync(ct)).AreAgreedIn(account.TermsClaim);
        if (account.HasTwoFactor)
        {
            var expires = clock.GetUtcNow() + TwoFactorChallenge.Lifetime;
            var challenge = new TwoFactorChallenge(tokens.CreateLoginChallenge(account.UserId, expires), expires);
            return new ExternalSignedIn(null, challenge, account.NewAccount, account.EmailRequired, termsRequired);
        }

        var pair = await sender.Send(new StartSessionCommand(account.UserId, NewPasswordHash: null), ct);
        return new ExternalSignedIn(pair, null, account.NewAccount, account.EmailRequired, termsRequired);
    }
}

internal sealed class ResolveExternalAccountHandler(IRepository<User> users, IRepository<ExternalLogin> logins, TimeProvider clock)
    : ICommandHandler<ResolveExternalAccountCommand, ResolvedAccount>
{
    public async ValueTask<ResolvedAccount> Handle(ResolveExternalAccountCommand command, CancellationToken cancellationToken)
    {
        var identity = command.Identity;
        var now = clock.GetUtcNow();
        if (await logins.SingleOrDefaultAsync(new ExternalLoginSpec(identity.Provider, identity.Subject), cancellationToken) is { } login)
        {
            var linked = await users.GetByIdAsync(login.UserId, cancellationToken) is { DeletedAt: null } found
                ? found
                : throw new UnauthorizedException("INVALID_CREDENTIALS", "This sign-in belongs to no account.");
            RefuseSuspended(linked);
            login.Used(now);
            return Resolved(linked, newAccount: false);
        }

        var email = identity.EmailVerified ? identity.Email : null;
        if (email is not null && await users.SingleOrDefaultAsync(new UserByEmailSpec(email), cancellationToken) is { DeletedAt: null } owner)
        {
            // The provider vouches that this person controls the account's address: that is the proof a reset link gives.
            RefuseSuspended(owner);
            owner.VerifyEmail(now);
            await logins.AddAsync(ExternalLogin.Link(owner.Id, identity.Provider, identity.Subject, identity.Email, now), cancellationToken);
            return Resolved(owner, newAccount: false);
        }

        var user = await users.AddAsync(User.RegisterExternal(email, DisplayName(identity), now), cancellationToken);
        await logins.AddAsync(ExternalLogin.Link(user.Id, identity.Provider, identity.Subject, identity.Email, now), cancellationToken);
        return Resolved(user, newAccount: true);
    }

    private static void RefuseSuspended(User user)
    {
        if (user.IsSuspended)
        {
            throw LoginHandler.Suspended();
        }
    }

    private static ResolvedAccount Resolved(User user, bool newAccount) =>
        new(user.Id, newAccount, user.HasTwoFactor, user.NeedsEmail, CurrentTerms.AgreedClaim(user));

    /// <summary>The provider's name for the person, made fit for a display name; else "{provider} 사용자".</summary>
    private static string DisplayName(ExternalIdentity identity)
    {
        var name = new string((identity.Name ?? "").Where(c => !char.IsControl(c)).ToArray()).Trim();
        return name.Length == 0 ? $"{identity.Provider} 사용자" : name[..Math.Min(name.Length, User.MaxDisplayNameLength)].Trim();
    }
}
