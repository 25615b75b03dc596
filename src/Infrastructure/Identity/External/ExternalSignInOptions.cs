namespace LectureHub.Infrastructure.Identity.External;

/// <summary>Social sign-in (docs/identity.md, "Social sign-in"). A provider without a client id is off.</summary>
public sealed class ExternalSignInOptions
{
    public const string Section = "ExternalSignIn";

    /// <summary>
    /// This API's public base URL: the providers send the browser back to {CallbackBaseUrl}/api/v1/auth/oauth/{provider}/callback,
    /// which must be registered with each provider. Required when a provider is on (dev: http://127.0.0.1:5080).
    /// </summary>
    public string CallbackBaseUrl { get; set; } = "";

    public Dictionary<string, ExternalProviderOptions> Providers { get; set; } = new(StringComparer.Ordinal);
}

public sealed class ExternalProviderOptions
{
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>OpenID Connect providers (kakao, google): the issuer, whose /.well-known/openid-configuration is read.</summary>
    public string? Authority { get; set; }

    /// <summary>Naver (OAuth 2.0 without discovery): its three endpoints.</summary>
    public string? AuthorizationEndpoint { get; set; }

    public string? TokenEndpoint { get; set; }

    public string? ProfileEndpoint { get; set; }

    public string Scopes { get; set; } = "openid email profile";

    /// <summary>Further ID-token audiences accepted from mobile apps (their own client ids at the provider).</summary>
    public List<string> MobileClientIds { get; set; } = [];

    /// <summary>Discovery and keys over HTTPS only; off for the local simulator.</summary>
    public bool RequireHttps { get; set; } = true;
}
