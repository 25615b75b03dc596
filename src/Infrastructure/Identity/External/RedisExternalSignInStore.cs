using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LectureHub.Application.Abstractions;
using LectureHub.Infrastructure.Caching;
using StackExchange.Redis;

namespace LectureHub.Infrastructure.Identity.External;

/// <summary>Pending authorizations and tickets in Redis under the SHA-256 of their value, taken with GETDEL so each works once, on any instance.</summary>
internal sealed class RedisExternalSignInStore(IConnectionMultiplexer redis, RedisKeys keys) : IExternalSignInStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task SaveAuthorizationAsync(string state, PendingAuthorization pending, TimeSpan lifetime, CancellationToken cancellationToken) =>
        SaveAsync("state", state, pending, lifetime);

    public Task<PendingAuthorization?> TakeAuthorizationAsync(string state, CancellationToken cancellationToken) => TakeAsync<PendingAuthorization>("state", state);

    public Task SaveTicketAsync(string ticket, ExternalIdentity identity, TimeSpan lifetime, CancellationToken cancellationToken) =>
        SaveAsync("ticket", ticket, identity, lifetime);

    public Task<ExternalIdentity?> TakeTicketAsync(string ticket, CancellationToken cancellationToken) => TakeAsync<ExternalIdentity>("ticket", ticket);

    private async Task SaveAsync<T>(string kind, string value, T item, TimeSpan lifetime) =>
        await redis.GetDatabase().StringSetAsync(Key(kind, value), JsonSerializer.Serialize(item, Json), lifetime);

    private async Task<T?> TakeAsync<T>(string kind, string value)
        where T : class =>
        await redis.GetDatabase().StringGetDeleteAsync(Key(kind, value)) is { HasValue: true } stored ? JsonSerializer.Deserialize<T>(stored.ToString(), Json) : null;

    private RedisKey Key(string kind, string value) =>
        keys.For($"external-signin:{kind}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))}");
}
