namespace LectureHub.Application.Abstractions;

/// <summary>Who a social provider says signed in: its stable subject id, and the email with whether the provider verified it.</summary>
public sealed record ExternalIdentity(string Provider, string Subject, string? Email, bool EmailVerified, string? Name);

/// <summary>
/// The social sign-in providers (OpenID Connect for Kakao and Google, Naver's OAuth 2.0), each spoken to over HTTP.
/// Every failure to prove an identity (a refused code, a token that does not verify, a wrong nonce) throws an
/// UnauthorizedException with a stable code; a provider that cannot be reached, a ServiceUnavailableException.
/// </summary>
public interface IExternalIdentities
{
    /// <summary>The providers configured here (a provider without a client id is off).</summary>
    IReadOnlyList<string> Enabled { get; }

    /// <summary>Where to send the browser: the provider's authorization endpoint with the code + PKCE (S256) request.</summary>
    Task<Uri> AuthorizationUrlAsync(string provider, string state, string? nonce, string codeChallenge, CancellationToken cancellationToken);

    /// <summary>
    /// Redeems an authorization code (with its PKCE verifier, at <paramref name="redirectUri"/>, or this API's callback
    /// when null) and verifies what comes back: for OIDC providers the ID token (signature against the provider's keys,
    /// issuer, audience, expiry, and <paramref name="nonce"/> when one was sent), for Naver the profile.
    /// </summary>
    Task<ExternalIdentity> RedeemCodeAsync(string provider, string code, string codeVerifier, string? redirectUri, string? nonce, CancellationToken cancellationToken);

    /// <summary>Verifies an ID token a mobile app obtained itself (OIDC providers only), as <see cref="RedeemCodeAsync"/> does.</summary>
    Task<ExternalIdentity> VerifyIdTokenAsync(string provider, string idToken, string? nonce, CancellationToken cancellationToken);
}

/// <summary>
/// The short-lived, single-use server-side halves of the web sign-in flow: a pending authorization (under its
/// <c>state</c>) and the ticket the callback hands the web app (under its value). Taking one deletes it.
/// </summary>
public interface IExternalSignInStore
{
    Task SaveAuthorizationAsync(string state, PendingAuthorization pending, TimeSpan lifetime, CancellationToken cancellationToken);

    Task<PendingAuthorization?> TakeAuthorizationAsync(string state, CancellationToken cancellationToken);

    /// <summary>The identity the callback verified, until the web app redeems the ticket (to sign in, or to link it to the signed-in account).</summary>
    Task SaveTicketAsync(string ticket, ExternalIdentity identity, TimeSpan lifetime, CancellationToken cancellationToken);

    Task<ExternalIdentity?> TakeTicketAsync(string ticket, CancellationToken cancellationToken);
}

/// <summary>What the start of a web sign-in remembers until its callback: the provider, the PKCE verifier and nonce, and what the web app meant (sign in, or link).</summary>
public sealed record PendingAuthorization(string Provider, string CodeVerifier, string? Nonce, string Intent);
