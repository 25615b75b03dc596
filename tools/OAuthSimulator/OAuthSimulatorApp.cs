using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LectureHub.OAuthSimulator;

/// <summary>
/// A local stand-in for the social sign-in providers, so the one-command run and the tests have real HTTP peers:
/// <list type="bullet">
/// <item><c>/kakao</c> and <c>/google</c> speak OpenID Connect: <c>.well-known/openid-configuration</c>, <c>jwks</c>,
/// <c>authorize</c> (code + PKCE S256, state, nonce), <c>token</c> (an RS256 ID token) and <c>userinfo</c>;</item>
/// <item><c>/naver</c> speaks Naver Login's OAuth 2.0: <c>oauth2.0/authorize</c>, <c>oauth2.0/token</c> (errors with
/// HTTP 200, <c>expires_in</c> a string, as Naver does) and the profile API <c>v1/nid/me</c> ({resultcode, message, response}).</item>
/// </list>
/// <c>authorize</c> signs in whoever the query names (<c>sim_sub</c>, <c>sim_email</c>, <c>sim_email_verified</c>,
/// <c>sim_name</c>), or shows a form asking. For the refusals tests need: <c>sim_nonce</c> puts another nonce in the ID
/// token, <c>sim_key=rogue</c> signs it with a key the JWKS does not publish; <c>POST /sim/codes/expire</c> ages every
/// code past its 60 s; <c>POST /sim/{provider}/id-token</c> mints an ID token as a mobile SDK would hold it. Every
/// provider accepts the client <see cref="ClientId"/> / <see cref="ClientSecret"/>. State is in memory.
/// OAUTH_SIM_PUBLIC_URL: the base URL browsers reach the simulator at, when it differs from the API's (docker compose).
/// </summary>
public static class OAuthSimulatorApp
{
    public const string ClientId = "lecturehub-local";
    public const string ClientSecret = "lecturehub-local-secret";

    public static readonly TimeSpan CodeLifetime = TimeSpan.FromSeconds(60);

    private static readonly string[] OidcProviders = ["kakao", "google"];

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var publicUrl = Environment.GetEnvironmentVariable("OAUTH_SIM_PUBLIC_URL") is { Length: > 0 } url ? url : null;
        var keys = OidcProviders.ToDictionary(p => p, p => new ProviderKeys(p));
        var codes = new ConcurrentDictionary<string, Grant>();
        var accessTokens = new ConcurrentDictionary<string, Person>();

        foreach (var provider in OidcProviders)
        {
            var key = keys[provider];
            app.MapGet($"/{provider}/.well-known/openid-configuration", (HttpRequest request) =>
            {
                var issuer = Issuer(request, provider);
                return Results.Json(new Dictionary<string, object>
                {
                    ["issuer"] = issuer,
                    // The browser's way in, which differs from the API's where they reach the simulator by other names (compose).
                    ["authorization_endpoint"] = $"{publicUrl?.TrimEnd('/') ?? $"{request.Scheme}://{request.Host}"}/{provider}/authorize",
                    ["token_endpoint"] = $"{issuer}/token",
                    ["userinfo_endpoint"] = $"{issuer}/userinfo",
                    ["jwks_uri"] = $"{issuer}/jwks",
                    ["response_types_supported"] = Supported.ResponseTypes,
                    ["subject_types_supported"] = Supported.SubjectTypes,
                    ["id_token_signing_alg_values_supported"] = Supported.Algorithms,
                    ["code_challenge_methods_supported"] = Supported.ChallengeMethods,
                    ["scopes_supported"] = Supported.Scopes,
                });
            });
            app.MapGet($"/{provider}/jwks", () => Results.Json(new { keys = new[] { key.PublicJwk } }));
            app.MapGet($"/{provider}/authorize", (HttpRequest request) => Authorize(request, provider, codes));
            app.MapPost($"/{provider}/token", async (HttpRequest request) =>
            {
                var (grant, error) = await RedeemAsync(request, codes);
                if (grant is null)
                {
                    return Results.Json(new { error, error_description = $"The code cannot be redeemed: {error}." }, statusCode: 400);
                }

                var access = NewSecret();
                accessTokens[access] = grant.Person;
                var idToken = key.IdToken(Issuer(request, provider), grant.ClientId, grant.Person, grant.Nonce, grant.RogueKey);
                return Results.Json(new { access_token = access, token_type = "Bearer", expires_in = 3600, id_token = idToken, scope = grant.Scope });
            });
            app.MapGet($"/{provider}/userinfo", (HttpRequest request) =>
                Bearer(request, accessTokens) is { } person
                    ? Results.Json(new { sub = person.Subject, email = person.Email, email_verified = person.EmailVerified, name = person.Name })
                    : Results.Unauthorized());
            app.MapPost($"/sim/{provider}/id-token", (HttpRequest request, MintRequest mint) => Results.Json(new
            {
                id_token = key.IdToken(Issuer(request, provider), mint.Audience ?? ClientId,
                    new Person(mint.Subject, mint.Email, mint.EmailVerified, mint.Name), mint.Nonce, mint.RogueKey, mint.ExpiresInSeconds),
            }));
        }

        app.MapGet("/naver/oauth2.0/authorize", (HttpRequest request) => Authorize(request, "naver", codes));
        app.MapPost("/naver/oauth2.0/token", async (HttpRequest request) =>
        {
            var (grant, error) = await RedeemAsync(request, codes);
            if (grant is null)
            {
                // Naver answers a refused code with HTTP 200 and an error body.
                return Results.Json(new { error, error_description = $"The code cannot be redeemed: {error}." });
            }

            var access = NewSecret();
            accessTokens[access] = grant.Person;
            return Results.Json(new { access_token = access, refresh_token = NewSecret(), token_type = "bearer", expires_in = "3600" });
        });
        app.MapGet("/naver/v1/nid/me", (HttpRequest request) =>
            Bearer(request, accessTokens) is { } person
                ? Results.Json(new { resultcode = "00", message = "success", response = new { id = person.Subject, email = person.Email, name = person.Name, nickname = person.Name } })
                : Results.Json(new { resultcode = "024", message = "Authentication failed" }, statusCode: 401));

        app.MapPost("/sim/codes/expire", () =>
        {
            foreach (var (code, grant) in codes)
            {
                codes[code] = grant with { IssuedAt = grant.IssuedAt - CodeLifetime - TimeSpan.FromSeconds(1) };
            }

            return Results.NoContent();
        });
        return app;
    }

    private static class Supported
    {
        public static readonly string[] ResponseTypes = ["code"];
        public static readonly string[] SubjectTypes = ["public"];
        public static readonly string[] Algorithms = ["RS256"];
        public static readonly string[] ChallengeMethods = ["S256"];
        public static readonly string[] Scopes = ["openid", "email", "profile"];
    }

    private static string Issuer(HttpRequest request, string provider) => $"{request.Scheme}://{request.Host}/{provider}";

    private static IResult Authorize(HttpRequest request, string provider, ConcurrentDictionary<string, Grant> codes)
    {
        var q = request.Query;
        if (q["client_id"] != ClientId || q["response_type"] != "code" || string.IsNullOrEmpty(q["redirect_uri"]))
        {
            return Results.BadRequest(new { error = "invalid_request", error_description = $"client_id must be {ClientId}, response_type code, with a redirect_uri." });
        }

        if (q["code_challenge_method"] != "S256" || string.IsNullOrEmpty(q["code_challenge"]))
        {
            return Results.BadRequest(new { error = "invalid_request", error_description = "PKCE with S256 is required." });
        }

        if (string.IsNullOrEmpty(q["sim_sub"]))
        {
            return Results.Content(LoginForm(provider, q), "text/html; charset=utf-8");
        }

        var person = new Person(q["sim_sub"]!, NullIfEmpty(q["sim_email"]), q["sim_email_verified"] == "true", NullIfEmpty(q["sim_name"]) ?? "시뮬레이터 사용자");
        var nonce = q.ContainsKey("sim_nonce") ? q["sim_nonce"].ToString() : NullIfEmpty(q["nonce"]);
        var code = NewSecret();
        codes[code] = new Grant(provider, q["client_id"]!, q["redirect_uri"]!, q["code_challenge"]!, nonce, q["scope"].ToString(), person, q["sim_key"] == "rogue", DateTimeOffset.UtcNow);
        var separator = q["redirect_uri"].ToString().Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return Results.Redirect($"{q["redirect_uri"]}{separator}code={Uri.EscapeDataString(code)}&state={Uri.EscapeDataString(q["state"].ToString())}");
    }

    /// <summary>Spends the code once, for the client it was issued to, at its redirect URI, with the verifier its challenge was made from.</summary>
    private static async Task<(Grant? Grant, string? Error)> RedeemAsync(HttpRequest request, ConcurrentDictionary<string, Grant> codes)
    {
        var form = await request.ReadFormAsync();
        var (clientId, clientSecret) = ClientCredentials(request, form);
        if (clientId != ClientId || clientSecret != ClientSecret)
        {
            return (null, "invalid_client");
        }

        if (form["grant_type"] != "authorization_code" || !codes.TryRemove(form["code"].ToString(), out var grant))
        {
            return (null, "invalid_grant");
        }

        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString())));
        var good = grant.ClientId == clientId
            && grant.RedirectUri == form["redirect_uri"]
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(challenge), Encoding.ASCII.GetBytes(grant.CodeChallenge))
            && DateTimeOffset.UtcNow - grant.IssuedAt <= CodeLifetime;
        return good ? (grant, null) : (null, "invalid_grant");
    }

    private static (string? Id, string? Secret) ClientCredentials(HttpRequest request, IFormCollection form)
    {
        if (request.Headers.Authorization.ToString() is { } header && header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..])).Split(':', 2);
            return (WebUtility.UrlDecode(pair[0]), pair.Length > 1 ? WebUtility.UrlDecode(pair[1]) : null);
        }

        return (form["client_id"], form["client_secret"]);
    }

    private static Person? Bearer(HttpRequest request, ConcurrentDictionary<string, Person> accessTokens) =>
        request.Headers.Authorization.ToString() is { } header && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
        && accessTokens.TryGetValue(header["Bearer ".Length..], out var person) ? person : null;

    private static string LoginForm(string provider, IQueryCollection query)
    {
        var hidden = string.Concat(query.Select(p => $"<input type=\"hidden\" name=\"{WebUtility.HtmlEncode(p.Key)}\" value=\"{WebUtility.HtmlEncode(p.Value.ToString())}\">"));
        return $"""
            <!doctype html><meta charset="utf-8"><title>{provider} (simulator)</title>
            <h1>{provider} 로그인 (로컬 시뮬레이터)</h1>
            <form method="get">{hidden}
              <p><label>사용자 ID <input name="sim_sub" required value="local-user-1"></label></p>
              <p><label>이메일 <input name="sim_email" value="local-user-1@example.com"></label></p>
              <p><label><input type="checkbox" name="sim_email_verified" value="true" checked> 이메일 확인됨</label></p>
              <p><label>이름 <input name="sim_name" value="시뮬레이터 사용자"></label></p>
              <button>동의하고 계속</button>
            </form>
            """;
    }

    private static string NewSecret() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(24));

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    public sealed record MintRequest(string Subject, string? Email, bool EmailVerified, string? Name, string? Nonce, string? Audience, bool RogueKey, int ExpiresInSeconds = 600);

    private sealed record Person(string Subject, string? Email, bool EmailVerified, string? Name);

    private sealed record Grant(
        string Provider, string ClientId, string RedirectUri, string CodeChallenge, string? Nonce, string Scope, Person Person, bool RogueKey, DateTimeOffset IssuedAt);

    /// <summary>A provider's signing key (published in its JWKS) and a rogue one (published nowhere).</summary>
    private sealed class ProviderKeys
    {
        private readonly RsaSecurityKey _signing;
        private readonly RsaSecurityKey _rogue;
        private readonly JsonWebTokenHandler _handler = new();

        public ProviderKeys(string provider)
        {
            _signing = new RsaSecurityKey(RSA.Create(2048)) { KeyId = $"{provider}-1" };
            _rogue = new RsaSecurityKey(RSA.Create(2048)) { KeyId = $"{provider}-1" }; // same kid: only the signature gives it away
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_signing.Rsa.ExportParameters(false)) { KeyId = _signing.KeyId });
            PublicJwk = new { kty = "RSA", use = "sig", alg = "RS256", kid = jwk.Kid, n = jwk.N, e = jwk.E };
        }

        public object PublicJwk { get; }

        public string IdToken(string issuer, string audience, Person person, string? nonce, bool rogue, int expiresInSeconds = 600)
        {
            var now = DateTime.UtcNow;
            var claims = new List<Claim> { new("sub", person.Subject), new("email_verified", person.EmailVerified ? "true" : "false", ClaimValueTypes.Boolean) };
            if (person.Email is { } email)
            {
                claims.Add(new Claim("email", email));
            }

            if (person.Name is { } name)
            {
                claims.Add(new Claim("name", name));
            }

            if (nonce is not null)
            {
                claims.Add(new Claim("nonce", nonce));
            }

            return _handler.CreateToken(new SecurityTokenDescriptor
            {
                Issuer = issuer,
                Audience = audience,
                IssuedAt = now.AddSeconds(Math.Min(0, expiresInSeconds) - 60),
                NotBefore = now.AddSeconds(Math.Min(0, expiresInSeconds) - 60),
                Expires = now.AddSeconds(expiresInSeconds),
                Subject = new ClaimsIdentity(claims),
                SigningCredentials = new SigningCredentials(rogue ? _rogue : _signing, SecurityAlgorithms.RsaSha256),
            });
        }
    }
}
