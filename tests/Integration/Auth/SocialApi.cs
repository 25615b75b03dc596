using System.Net;
using System.Net.Http.Json;
using LectureHub.IntegrationTests.Support;
using LectureHub.OAuthSimulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace LectureHub.IntegrationTests.Auth;

/// <summary>The API with social sign-in pointed at the provider simulator (tools/OAuthSimulator), which runs on a real socket beside it.</summary>
public sealed class SocialApiFactory : ApiFactory
{
    public const string MobileClientId = "lecturehub-mobile";

    private readonly WebApplication _simulator;

    public SocialApiFactory()
    {
        _simulator = OAuthSimulatorApp.Build(["--Logging:LogLevel:Default=Warning"]);
        _simulator.Urls.Add("http://127.0.0.1:0");
        _simulator.StartAsync().GetAwaiter().GetResult();
        SimulatorUrl = _simulator.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Simulator = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(SimulatorUrl) };
    }

    public string SimulatorUrl { get; }

    /// <summary>The person's side of the provider: follows no redirects, so each hop can be read.</summary>
    public HttpClient Simulator { get; }

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = new Dictionary<string, string?> { ["ExternalSignIn:CallbackBaseUrl"] = "http://localhost" };
            foreach (var provider in new[] { "kakao", "google", "naver" })
            {
                var at = $"ExternalSignIn:Providers:{provider}:";
                settings[at + "ClientId"] = OAuthSimulatorApp.ClientId;
                settings[at + "ClientSecret"] = OAuthSimulatorApp.ClientSecret;
                settings[at + "RequireHttps"] = "false";
                settings[at + "MobileClientIds:0"] = MobileClientId;
            }

            settings["ExternalSignIn:Providers:kakao:Authority"] = $"{SimulatorUrl}/kakao";
            settings["ExternalSignIn:Providers:google:Authority"] = $"{SimulatorUrl}/google";
            settings["ExternalSignIn:Providers:naver:AuthorizationEndpoint"] = $"{SimulatorUrl}/naver/oauth2.0/authorize";
            settings["ExternalSignIn:Providers:naver:TokenEndpoint"] = $"{SimulatorUrl}/naver/oauth2.0/token";
            settings["ExternalSignIn:Providers:naver:ProfileEndpoint"] = $"{SimulatorUrl}/naver/v1/nid/me";
            return settings;
        }
    }

    /// <summary>A browser: keeps cookies, follows no redirects.</summary>
    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public override async ValueTask DisposeAsync()
    {
        Simulator.Dispose();
        await _simulator.DisposeAsync();
        await base.DisposeAsync();
    }
}

/// <summary>Who signs in at the simulated provider, and how the provider misbehaves (docs in OAuthSimulatorApp).</summary>
public sealed record ProviderUser(string Subject, string? Email = null, bool EmailVerified = true, string Name = "소셜 사용자", string? Nonce = null, bool RogueKey = false)
{
    public string Query =>
        $"&sim_sub={Uri.EscapeDataString(Subject)}&sim_email={Uri.EscapeDataString(Email ?? "")}&sim_email_verified={(EmailVerified ? "true" : "false")}"
        + $"&sim_name={Uri.EscapeDataString(Name)}" + (Nonce is null ? "" : $"&sim_nonce={Uri.EscapeDataString(Nonce)}") + (RogueKey ? "&sim_key=rogue" : "");
}

public sealed record SocialSignIn(Tokens? Tokens, bool NewAccount, bool EmailRequired, bool TermsRequired);

/// <summary>The web flow hop by hop: start → provider → callback → the web app's completion page → ticket.</summary>
public static class SocialApi
{
    /// <summary>The browser at the provider's consent screen, and the callback the provider sends it back to.</summary>
    public static async Task<Uri> AuthorizeAsync(this SocialApiFactory factory, HttpClient browser, string provider, ProviderUser user, string intent = "signin", bool expireCode = false)
    {
        var start = await browser.GetAsync($"/api/v1/auth/oauth/{provider}/start?intent={intent}");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var authorize = start.Headers.Location!;
        Assert.StartsWith(factory.SimulatorUrl, authorize.AbsoluteUri);
        var consent = await factory.Simulator.GetAsync(authorize.AbsoluteUri + user.Query);
        Assert.Equal(HttpStatusCode.Redirect, consent.StatusCode);
        if (expireCode)
        {
            (await factory.Simulator.PostAsync("/sim/codes/expire", null)).EnsureSuccessStatusCode();
        }

        return consent.Headers.Location!;
    }

    /// <summary>Follows the callback; answers the completion page's query (intent, and ticket or error).</summary>
    public static async Task<Dictionary<string, string>> CallbackAsync(HttpClient browser, Uri callback)
    {
        var response = await browser.GetAsync(callback.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var completion = response.Headers.Location!;
        Assert.Equal("/oauth/complete", completion.AbsolutePath);
        return QueryHelpers.ParseQuery(completion.Query).ToDictionary(p => p.Key, p => p.Value.ToString());
    }

    /// <summary>A whole web sign-in, through the ticket.</summary>
    public static async Task<SocialSignIn> SignInAsync(this SocialApiFactory factory, string provider, ProviderUser user)
    {
        using var browser = factory.Browser();
        var completion = await CallbackAsync(browser, await factory.AuthorizeAsync(browser, provider, user));
        Assert.False(completion.ContainsKey("error"), completion.GetValueOrDefault("error"));
        return await (await browser.PostAsJsonAsync("/api/v1/auth/oauth/ticket", new { ticket = completion["ticket"] })).ReadAsync<SocialSignIn>();
    }

    /// <summary>A sign-in's tokens after agreeing to the terms, as the app does for a new account.</summary>
    public static async Task<Tokens> AgreedAsync(this HttpClient client, Tokens tokens)
    {
        var agreed = await (await client.SendAsync(HttpMethod.Post, "/api/v1/me/terms", tokens, Api.Terms)).ReadAsync<AccessTokenAnswer>();
        return tokens with { AccessToken = agreed.AccessToken };
    }

    public sealed record AccessTokenAnswer(string AccessToken);
}
