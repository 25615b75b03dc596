using LectureHub.Application.Abstractions;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LectureHub.WebApi.Infrastructure;

/// <summary>
/// Remembers access tokens that validated, until they expire, so a client's next requests skip parsing the token and
/// checking its HMAC again: measured, that check cost about a third of the cheapest request. Only valid tokens are
/// kept, keyed by the whole token string, and each hit hands out its own copy of the identity. The cache forgets a
/// token when it expires (no clock skew added). Every use, cached or not, is checked against the revoked sessions
/// (an in-memory set, <see cref="ISessionRevocations"/>), so logout stops a token within seconds on every instance.
/// </summary>
internal sealed class ValidatedTokenCache : JsonWebTokenHandler, IDisposable
{
    private sealed record Validated(TokenValidationResult Result, Guid Session);

    private static readonly TokenValidationResult Revoked = new() { IsValid = false, Exception = new SecurityTokenException("The session was ended.") };

    /// <summary>
    /// Tokens live 15 minutes, so this is 20,000 users active within a quarter of an hour: far above the KPI's peak
    /// (docs/kpis.md), at a few KB each. Past it, tokens are simply validated every time until entries expire.
    /// </summary>
    private const int MaxTokens = 20_000;

    private readonly MemoryCache _valid = new(new MemoryCacheOptions { SizeLimit = MaxTokens });
    private readonly TimeProvider _clock;
    private readonly ISessionRevocations _revocations;

    public ValidatedTokenCache(TimeProvider clock, ISessionRevocations revocations)
    {
        _clock = clock;
        _revocations = revocations;
        MapInboundClaims = false;
    }

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        if (_valid.TryGetValue(token, out Validated? known) && known!.Result.SecurityToken.ValidTo > _clock.GetUtcNow().UtcDateTime)
        {
            if (_revocations.IsRevoked(known.Session))
            {
                return Revoked;
            }

            var result = known.Result;
            return new TokenValidationResult
            {
                IsValid = true, ClaimsIdentity = result.ClaimsIdentity.Clone(), SecurityToken = result.SecurityToken, Issuer = result.Issuer,
                TokenType = result.TokenType,
            };
        }

        var validated = await base.ValidateTokenAsync(token, validationParameters);
        var lifetime = validated.IsValid ? validated.SecurityToken.ValidTo - _clock.GetUtcNow().UtcDateTime : TimeSpan.Zero;
        if (lifetime <= TimeSpan.Zero)
        {
            return validated;
        }

        // Tokens from before sessions were named carry no "sid" and cannot be revoked early.
        var session = Guid.TryParse(validated.ClaimsIdentity.FindFirst(LectureHub.Infrastructure.Identity.JwtTokenService.SessionClaim)?.Value, out var sid) ? sid : Guid.Empty;
        _valid.Set(token, new Validated(validated, session), new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = lifetime, Size = 1 });
        return _revocations.IsRevoked(session) ? Revoked : validated;
    }

    public void Dispose() => _valid.Dispose();
}
