using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Domain.Users;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace LectureHub.Infrastructure.Identity.External;

/// <summary>
/// Kakao and Google through OpenID Connect (discovery, JWKS, the code exchange, ID tokens verified for signature,
/// issuer, audience, expiry and nonce), Naver through its OAuth 2.0 (the code exchange, then the profile API). The
/// providers' keys are cached by <see cref="ConfigurationManager{T}"/> and read again when a token names a key not
/// seen yet (a rotation).
/// </summary>
internal sealed class ExternalIdentities : IExternalIdentities, IDisposable
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);

    private readonly ExternalSignInOptions _options;
    private readonly Dictionary<string, ExternalProviderOptions> _providers;
    private readonly ConcurrentDictionary<string, ConfigurationManager<OpenIdConnectConfiguration>> _discovery = new(StringComparer.Ordinal);
    private readonly JsonWebTokenHandler _handler = new();
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromSeconds(10) };
    private readonly TimeProvider _clock;

    public ExternalIdentities(IOptions<ExternalSignInOptions> options, TimeProvider clock)
    {
        _options = options.Value;
        _clock = clock;
        _providers = _options.Providers
            .Where(p => ExternalProviders.All.Contains(p.Key) && !string.IsNullOrEmpty(p.Value.ClientId))
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        Enabled = ExternalProviders.All.Where(_providers.ContainsKey).ToList();
    }

    public IReadOnlyList<string> Enabled { get; }

    public static bool IsOpenIdConnect(string provider) => provider is not ExternalProviders.Naver;

    public async Task<Uri> AuthorizationUrlAsync(string provider, string state, string? nonce, string codeChallenge, CancellationToken cancellationToken)
    {
        var options = Provider(provider);
        var endpoint = IsOpenIdConnect(provider) ? (await DiscoveryAsync(provider, cancellationToken)).AuthorizationEndpoint : options.AuthorizationEndpoint!;
        var query = new Dictionary<string, string?>
        {
            ["response_type"] = "code",
            ["client_id"] = options.ClientId,
            ["redirect_uri"] = CallbackUrl(provider),
            ["state"] = state,
            ["code_challenge"] = codeChallenge,
            ["code_challenge_method"] = "S256",
        };
        if (IsOpenIdConnect(provider))
        {
            query["scope"] = options.Scopes;
            query["nonce"] = nonce;
        }

        return new Uri(QueryHelpers.AddQueryString(endpoint, query));
    }

    public async Task<ExternalIdentity> RedeemCodeAsync(
        string provider, string code, string codeVerifier, string? redirectUri, string? nonce, CancellationToken cancellationToken)
    {
        var options = Provider(provider);
        var endpoint = IsOpenIdConnect(provider) ? (await DiscoveryAsync(provider, cancellationToken)).TokenEndpoint : options.TokenEndpoint!;
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code",
                ["code"] = code,
                ["redirect_uri"] = redirectUri ?? CallbackUrl(provider),
                ["client_id"] = options.ClientId!,
                ["client_secret"] = options.ClientSecret ?? "",
                ["code_verifier"] = codeVerifier,
            }),
        };
        var answer = await SendAsync(provider, request, cancellationToken);
        // Naver answers a refused code with 200 and an error body; OIDC providers with 400.
        if (answer.TryGetProperty("error", out var error))
        {
            throw new UnauthorizedException("OAUTH_CODE_INVALID", $"{provider} refused the authorization code ({Text(answer, "error") ?? error.ToString()}): it expired, was used already, or was not issued for this sign-in. Start again.");
        }

        if (IsOpenIdConnect(provider))
        {
            return Text(answer, "id_token") is { } token
                ? await VerifyAsync(provider, options, token, nonce, cancellationToken)
                : throw new UnauthorizedException("OAUTH_ID_TOKEN_INVALID", $"{provider} answered the code without an ID token.");
        }

        var accessToken = Text(answer, "access_token");
        return accessToken is null
            ? throw new UnauthorizedException("OAUTH_CODE_INVALID", $"{provider} answered the code without an access token.")
            : await NaverProfileAsync(options, accessToken, cancellationToken);
    }

    public Task<ExternalIdentity> VerifyIdTokenAsync(string provider, string idToken, string? nonce, CancellationToken cancellationToken) =>
        IsOpenIdConnect(provider)
            ? VerifyAsync(provider, Provider(provider), idToken, nonce, cancellationToken)
            : throw new UnprocessableException("OAUTH_ID_TOKEN_UNSUPPORTED", $"{provider} has no ID tokens: send the authorization code and its PKCE verifier.");

    public void Dispose() => _http.Dispose();

    private async Task<ExternalIdentity> VerifyAsync(string provider, ExternalProviderOptions options, string idToken, string? nonce, CancellationToken ct)
    {
        var discovery = await DiscoveryAsync(provider, ct);
        var result = await _handler.ValidateTokenAsync(idToken, Parameters(options, discovery));
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // A key we have not seen: the provider may have rotated its keys since we read them.
            _discovery[provider].RequestRefresh();
            result = await _handler.ValidateTokenAsync(idToken, Parameters(options, await DiscoveryAsync(provider, ct)));
        }

        if (!result.IsValid)
        {
            throw new UnauthorizedException("OAUTH_ID_TOKEN_INVALID", $"The {provider} ID token does not verify: {Reason(result.Exception)}.");
        }

        var token = (JsonWebToken)result.SecurityToken;
        var claimed = token.TryGetPayloadValue<string>("nonce", out var value) ? value : null;
        if (nonce is null || claimed is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(nonce), Encoding.UTF8.GetBytes(claimed)))
        {
            throw new UnauthorizedException("OAUTH_NONCE_MISMATCH", $"The {provider} ID token was not issued for this sign-in (its nonce differs). Start again.");
        }

        var email = token.TryGetPayloadValue<string>("email", out var address) ? address : null;
        var verified = token.TryGetPayloadValue<object>("email_verified", out var flag) && flag is true or "true";
        var name = token.TryGetPayloadValue<string>("name", out var given) ? given : null;
        return Identity(provider, token.Subject, email, verified, name);
    }

    private TokenValidationParameters Parameters(ExternalProviderOptions options, OpenIdConnectConfiguration discovery) => new()
    {
        ValidIssuer = discovery.Issuer,
        ValidAudiences = [options.ClientId!, .. options.MobileClientIds],
        IssuerSigningKeys = discovery.SigningKeys,
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256],
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ClockSkew = ClockSkew,
        // Lifetime on the API's clock (IdentityModel's own check reads the system clock).
        LifetimeValidator = (notBefore, expires, _, _) =>
        {
            var now = _clock.GetUtcNow().UtcDateTime;
            return expires is { } end && end > now - ClockSkew && (notBefore is not { } start || start <= now + ClockSkew);
        },
    };

    /// <summary>What a provider said, within what we store: a subject id that fits, and an email only if it looks like one and fits.</summary>
    private static ExternalIdentity Identity(string provider, string? subject, string? email, bool emailVerified, string? name)
    {
        if (string.IsNullOrEmpty(subject) || subject.Length > ExternalProviders.MaxSubjectLength)
        {
            throw new UnauthorizedException("OAUTH_ID_TOKEN_INVALID", $"{provider} named no usable subject for this sign-in.");
        }

        var usable = email is { Length: > 2 and <= User.MaxEmailLength } && email.Contains('@', StringComparison.Ordinal) && !email.Any(char.IsWhiteSpace) ? email : null;
        return new ExternalIdentity(provider, subject, usable, usable is not null && emailVerified, name);
    }

    private static string Reason(Exception? exception) => exception switch
    {
        SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException => "its signature is not the provider's",
        SecurityTokenInvalidIssuerException => "another issuer",
        SecurityTokenInvalidAudienceException => "issued for another client",
        SecurityTokenInvalidLifetimeException or SecurityTokenExpiredException => "expired",
        _ => "malformed",
    };

    private async Task<ExternalIdentity> NaverProfileAsync(ExternalProviderOptions options, string accessToken, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, options.ProfileEndpoint);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        var answer = await SendAsync(ExternalProviders.Naver, request, ct);
        if (Text(answer, "resultcode") == "00" && answer.TryGetProperty("response", out var profile) && Text(profile, "id") is { Length: > 0 } subject)
        {
            // Naver does not say whether the address was verified, so it never links an existing account by itself.
            return Identity(ExternalProviders.Naver, subject, Text(profile, "email"), emailVerified: false, Text(profile, "name"));
        }

        throw new UnauthorizedException("OAUTH_CODE_INVALID", "Naver did not answer the profile for this sign-in. Start again.");
    }

    /// <summary>A string member of a provider's answer, or null where it is missing or not a string (a provider's odd answer is a refusal, not a 500).</summary>
    private static string? Text(JsonElement answer, string name) =>
        answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private async Task<JsonElement> SendAsync(string provider, HttpRequestMessage request, CancellationToken ct)
    {
        try
        {
            using var response = await _http.SendAsync(request, ct);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
            return body.ValueKind == JsonValueKind.Object ? body : throw new JsonException("not a JSON object");
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or NotSupportedException || (ex is TaskCanceledException && !ct.IsCancellationRequested))
        {
            throw Unavailable(provider, ex);
        }
    }

    private async Task<OpenIdConnectConfiguration> DiscoveryAsync(string provider, CancellationToken ct)
    {
        var manager = _discovery.GetOrAdd(provider, p => new ConfigurationManager<OpenIdConnectConfiguration>(
            $"{Provider(p).Authority!.TrimEnd('/')}/.well-known/openid-configuration",
            new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever(_http) { RequireHttps = Provider(p).RequireHttps }));
        try
        {
            return await manager.GetConfigurationAsync(ct);
        }
        catch (InvalidOperationException ex)
        {
            throw Unavailable(provider, ex);
        }
    }

    private static ServiceUnavailableException Unavailable(string provider, Exception cause) =>
        new("OAUTH_PROVIDER_UNAVAILABLE", $"{provider} did not answer ({cause.GetType().Name}); try again shortly.", TimeSpan.FromSeconds(5));

    private ExternalProviderOptions Provider(string provider) =>
        _providers.TryGetValue(provider, out var options)
            ? options
            : throw new NotFoundException("OAUTH_PROVIDER_UNKNOWN", $"Sign-in with '{provider}' is not offered here; the providers are: {string.Join(", ", Enabled)}.");

    private string CallbackUrl(string provider) => $"{_options.CallbackBaseUrl.TrimEnd('/')}/api/v1/auth/oauth/{provider}/callback";
}
