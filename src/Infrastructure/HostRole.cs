using Microsoft.Extensions.Configuration;

namespace LectureHub.Infrastructure;

/// <summary>What one process of the one binary does, by the <c>Role</c> setting (docs/scale-out.md).</summary>
public enum HostRole
{
    /// <summary>HTTP and every background worker: one process is the whole product (the default).</summary>
    All,

    /// <summary>HTTP only; as many as the traffic needs, behind the balancer.</summary>
    Api,

    /// <summary>The background workers (outbox relay, webhook processor, reconciler, transcoder, flushers, sweepers)
    /// and only /health/* over HTTP; any number of them, since each worker takes leases.</summary>
    Worker,
}

public static class HostRoles
{
    public const string Key = "Role";

    public static HostRole Of(IConfiguration configuration) => configuration[Key]?.Trim().ToLowerInvariant() switch
    {
        null or "" or "all" => HostRole.All,
        "api" => HostRole.Api,
        "worker" => HostRole.Worker,
        var other => throw new InvalidOperationException($"Role '{other}' is not one of all, api, worker (environment variable Role)."),
    };

    public static bool RunsWorkers(this HostRole role) => role != HostRole.Api;

    public static bool ServesApi(this HostRole role) => role != HostRole.Worker;
}
